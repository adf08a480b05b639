package io.earshot.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC and digest helpers for signature checks. Comparison is constant-time ({@link MessageDigest#isEqual}), so
 * a forger learns nothing from how long a wrong signature took to refuse.
 */
public final class Hashes {

    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    public static byte[] hmacSha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hmacSha256Hex(String key, byte[]... parts) {
        return HEX.formatHex(hmacSha256(key.getBytes(StandardCharsets.UTF_8), parts));
    }

    /**
     * Whether {@code header} is {@code sha256=<hex>} and the hex is the HMAC-SHA256 of the parts under the key. The
     * comparison is on bytes and constant-time; a malformed header is simply not equal.
     */
    public static boolean signatureMatches(String header, String key, byte[]... parts) {
        if (header == null || key == null || key.isEmpty()) {
            return false;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, "sha256=", 0, 7)) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(value.substring(7).toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = hmacSha256(key.getBytes(StandardCharsets.UTF_8), parts);
        return MessageDigest.isEqual(expected, given);
    }

    /** Constant-time equality of two secrets (API keys, verify tokens); null never matches. */
    public static boolean secretEquals(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    public static String sha256Hex(String text) {
        return HEX.formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
