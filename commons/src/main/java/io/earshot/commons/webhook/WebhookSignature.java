package io.earshot.commons.webhook;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How every webhook Earshot sends is signed, in one place so receivers verify all of them the same way:
 * {@value #TIMESTAMP_HEADER} is the send time in epoch seconds and {@value #SIGNATURE_HEADER} is
 * {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>} over the UTF-8 bytes.
 */
public final class WebhookSignature {

    /** The header with the send time, epoch seconds; part of what is signed, so a receiver can refuse old ones. */
    public static final String TIMESTAMP_HEADER = "X-Earshot-Timestamp";
    /** The header with {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Earshot-Signature";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code timestamp}. */
    public static String header(String secret, String timestamp, String body) {
        return "sha256=" + hmacHex(secret, timestamp + "." + body);
    }

    /**
     * The POST of {@code json} to {@code url}, signed for {@code now}: the request every Earshot webhook sends, with
     * {@code Idempotency-Key} so a receiver drops a retried copy.
     */
    public static HttpRequest signedPost(URI url, Duration timeout, String idempotencyKey, String secret, String json,
                                         Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, header(secret, timestamp, json))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    /** Hex HMAC-SHA256 of {@code payload} (UTF-8) with {@code secret} (UTF-8). */
    public static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
