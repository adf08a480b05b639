package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.ApprovalSignature.Claims;
import io.earshot.reply.domain.ApprovalSignature.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The approval HMAC: any changed fact fails, rotation keeps old keys verifying, bad key configuration refuses to start. */
class ApprovalSignatureTest {

    static final String OLD = "old:0123456789abcdef0123456789abcdef";
    static final String NEW = "new:fedcba9876543210fedcba9876543210";
    static final Instant AT = Instant.parse("2026-12-03T08:00:00.123Z");
    static final Claims CLAIMS = new Claims("item-1", "facebook", "c-1", 2, "Thanks, Jane!", "ana", AT, "key-1");

    @Test
    void aSignatureVerifiesOnlyForExactlyWhatWasApproved() {
        ApprovalSignature s = new ApprovalSignature("new", List.of(OLD, NEW));
        String sig = s.sign(CLAIMS);
        assertTrue(sig.matches("[0-9a-f]{64}"));
        assertEquals(Verdict.VALID, s.verify(CLAIMS, "new", sig));
        List<Claims> changed = List.of(
                new Claims("item-2", "facebook", "c-1", 2, "Thanks, Jane!", "ana", AT, "key-1"),
                new Claims("item-1", "x", "c-1", 2, "Thanks, Jane!", "ana", AT, "key-1"),
                new Claims("item-1", "facebook", "c-2", 2, "Thanks, Jane!", "ana", AT, "key-1"),
                new Claims("item-1", "facebook", "c-1", 3, "Thanks, Jane!", "ana", AT, "key-1"),
                new Claims("item-1", "facebook", "c-1", 2, "Thanks, Jane! evil.example", "ana", AT, "key-1"),
                new Claims("item-1", "facebook", "c-1", 2, "Thanks, Jane!", "ben", AT, "key-1"),
                new Claims("item-1", "facebook", "c-1", 2, "Thanks, Jane!", "ana", AT.plusMillis(1), "key-1"),
                new Claims("item-1", "facebook", "c-1", 2, "Thanks, Jane!", "ana", AT, "key-2"));
        for (Claims c : changed) {
            assertEquals(Verdict.BAD_SIGNATURE, s.verify(c, "new", sig), c.toString());
        }
        // the key id is signed too: the same MAC under another id does not verify
        assertEquals(Verdict.BAD_SIGNATURE, s.verify(CLAIMS, "old", sig));
    }

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        ApprovalSignature s = new ApprovalSignature("new", List.of(NEW));
        String sig = s.sign(new Claims("a", "b", "c", 1, "t", "ana", AT, "k"));
        assertEquals(Verdict.BAD_SIGNATURE, s.verify(new Claims("a\n1:b", "", "c", 1, "t", "ana", AT, "k"), "new", sig));
        assertFalse(ApprovalSignature.payload("new", new Claims("ab", "", "c", 1, "t", "u", AT, "k"))
                .equals(ApprovalSignature.payload("new", new Claims("a", "b", "c", 1, "t", "u", AT, "k"))));
    }

    @Test
    void missingOrUnknownSignaturesAreRefused() {
        ApprovalSignature s = new ApprovalSignature("new", List.of(NEW));
        assertEquals(Verdict.UNSIGNED, s.verify(CLAIMS, null, null));
        assertEquals(Verdict.UNSIGNED, s.verify(CLAIMS, "new", " "));
        assertEquals(Verdict.UNSIGNED, s.verify(null, "new", "ab"));
        assertEquals(Verdict.UNKNOWN_KEY, s.verify(CLAIMS, "gone", "ab".repeat(32)));
        assertEquals(Verdict.BAD_SIGNATURE, s.verify(CLAIMS, "new", "ab".repeat(32)));
    }

    @Test
    void duringARotationApprovalsSignedWithTheOldKeyStillVerify() {
        String oldSig = new ApprovalSignature("old", List.of(OLD)).sign(CLAIMS);
        ApprovalSignature rotated = new ApprovalSignature("new", List.of(NEW, OLD));
        assertEquals(Verdict.VALID, rotated.verify(CLAIMS, "old", oldSig));
        assertNotEquals(oldSig, rotated.sign(CLAIMS));
        assertEquals(Verdict.UNKNOWN_KEY, new ApprovalSignature("new", List.of(NEW)).verify(CLAIMS, "old", oldSig));
    }

    @Test
    void aBadKeyConfigurationStopsTheStartAndNeverEchoesTheSecret() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new ApprovalSignature("k", List.of("k:short-secret")));
        assertFalse(shortKey.getMessage().contains("short-secret"));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalSignature("other", List.of(NEW)));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalSignature("new", List.of("no-colon-here-0123456789abcdef0123456789")));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalSignature("new", List.of(NEW, NEW)));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalSignature(null, List.of(NEW)));
    }
}
