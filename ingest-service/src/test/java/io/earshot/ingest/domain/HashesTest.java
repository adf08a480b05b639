package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signature test vectors: good, bad, missing, malformed. */
class HashesTest {

    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
    private static final String FOX_HMAC = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    @Test
    void knownVector() {
        assertEquals(FOX_HMAC, Hashes.hmacSha256Hex("key", FOX));
    }

    @Test
    void goodSignaturesMatchInAnyHexCase() {
        assertTrue(Hashes.signatureMatches("sha256=" + FOX_HMAC, "key", FOX));
        assertTrue(Hashes.signatureMatches("sha256=" + FOX_HMAC.toUpperCase(), "key", FOX));
        assertTrue(Hashes.signatureMatches("sha256=" + FOX_HMAC, "key", "The quick brown fox ".getBytes(StandardCharsets.UTF_8),
                "jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)), "parts are one message");
    }

    @Test
    void badMissingAndMalformedSignaturesDoNot() {
        assertFalse(Hashes.signatureMatches("sha256=" + FOX_HMAC, "other key", FOX));
        assertFalse(Hashes.signatureMatches("sha256=" + FOX_HMAC.replace('f', 'e'), "key", FOX));
        assertFalse(Hashes.signatureMatches(null, "key", FOX));
        assertFalse(Hashes.signatureMatches("", "key", FOX));
        assertFalse(Hashes.signatureMatches(FOX_HMAC, "key", FOX), "the sha256= prefix is required");
        assertFalse(Hashes.signatureMatches("sha256=zz", "key", FOX));
        assertFalse(Hashes.signatureMatches("sha256=" + FOX_HMAC.substring(2), "key", FOX));
        assertFalse(Hashes.signatureMatches("sha256=" + FOX_HMAC, "", FOX), "no secret, no match");
    }

    @Test
    void secretsCompareWholly() {
        assertTrue(Hashes.secretEquals("abc", "abc"));
        assertFalse(Hashes.secretEquals("abc", "abcd"));
        assertFalse(Hashes.secretEquals("abc", null));
        assertFalse(Hashes.secretEquals(null, null));
        assertFalse(Hashes.secretEquals("", ""));
    }
}
