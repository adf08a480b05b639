package io.earshot.commons.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The one signature every Earshot webhook carries, against a value computed outside Java. */
class WebhookSignatureTest {

    @Test
    void theHeaderIsSha256HexHmacOfTimestampDotBody() {
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        assertEquals("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae",
                WebhookSignature.header("key", "1700000000", "{}"));
        assertNotEquals(WebhookSignature.header("key", "1700000001", "{}"), WebhookSignature.header("key", "1700000000", "{}"),
                "the timestamp is signed");
    }
}
