package io.earshot.ingest.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fuzzes the webhook signature check ({@code X-Hub-Signature-256} and the generic webhook's): whatever the header,
 * key and body, it never throws, accepts the right signature, refuses it for any other body, and accepts a forged
 * header only if it IS the right signature.
 */
class SignatureFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void signatureCheck(FuzzedDataProvider data) {
        String key = data.consumeString(64);
        String header = data.consumeString(200);
        String timestamp = data.consumeString(12);
        byte[] body = data.consumeRemainingAsBytes();
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        boolean forged = Hashes.signatureMatches(header, key, prefix, body);
        if (key.isEmpty()) {
            assertFalse(forged, "an empty key accepts nothing");
            return;
        }
        String good = "sha256=" + Hashes.hmacSha256Hex(key, prefix, body);
        assertTrue(Hashes.signatureMatches(good, key, prefix, body), "the right signature is accepted");
        if (forged) {
            assertEquals(good, "sha256=" + header.trim().substring(7).toLowerCase(Locale.ROOT), "only the right signature is accepted");
        }
        byte[] other = body.length == 0 ? new byte[] {0} : body.clone();
        other[other.length / 2] ^= 1;
        assertFalse(Hashes.signatureMatches(good, key, prefix, other), "a signature does not carry over to another body");
    }
}
