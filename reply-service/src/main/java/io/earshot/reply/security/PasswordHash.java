package io.earshot.reply.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes, as {@code pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>}. The JDK has
 * everything needed, so the users file can be written by a plain {@code java} script without this service. Each hash
 * carries its own iteration count, so older hashes keep working and are upgraded on the next sign-in.
 */
public final class PasswordHash {

    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's current recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet). */
    public static final int ITERATIONS = 600_000;

    private PasswordHash() {
    }

    public static String hash(char[] password, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SCHEME + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** The iteration count of {@code encoded}, or 0 when it is not a hash of this scheme. */
    public static int iterations(String encoded) {
        String[] parts = encoded.split(":");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether {@code password} matches {@code encoded}, in constant time; false for a malformed hash. */
    public static boolean verify(char[] password, String encoded) {
        int iterations = iterations(encoded);
        if (iterations == 0) {
            return false;
        }
        String[] parts = encoded.split(":");
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
