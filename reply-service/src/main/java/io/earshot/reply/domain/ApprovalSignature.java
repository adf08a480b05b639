package io.earshot.reply.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC that makes an approval unforgeable by anyone who can write to Kafka or Redis but does not hold the key:
 * it binds the item, where the reply goes (platform and the comment's platform id), the comment version, the SHA-256
 * of the exact text, the approver, the approval time, the idempotency key and the key id. Changing any of them, or
 * reusing a signature made for other text, fails verification (compared in constant time).
 */
public final class ApprovalSignature {

    /** What a verification found; anything but {@link #VALID} is refused. */
    public enum Verdict {
        VALID, UNSIGNED, UNKNOWN_KEY, BAD_SIGNATURE;

        /** The metric label. */
        public String label() {
            return name().toLowerCase();
        }
    }

    /** The facts an approval signature covers. */
    public record Claims(String itemId, String platform, String inReplyTo, Integer commentVersion, String text,
                         String approver, Instant approvedAt, String idempotencyKey) {

        /** The claims of the approval an item carries, or null when it has none. */
        public static Claims of(QueueItem item, QueueItem.Approval a) {
            return a == null ? null : new Claims(item.id(), item.platform(), item.externalId(), a.commentVersion(),
                    a.text(), a.by(), a.at(), a.idempotencyKey());
        }
    }

    private final String currentKeyId;
    private final Map<String, byte[]> keys;

    /**
     * @param currentKeyId the key new approvals are signed with
     * @param entries {@code id:secret} entries, each secret at least 32 characters
     * @throws IllegalArgumentException naming what is wrong (never the secret)
     */
    public ApprovalSignature(String currentKeyId, Iterable<String> entries) {
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : entries) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("earshot.reply.approval.keys: an entry is not id:secret");
            }
            String id = e.substring(0, colon);
            String secret = e.substring(colon + 1);
            if (secret.length() < 32) {
                throw new IllegalArgumentException("earshot.reply.approval.keys: the key " + id + " is shorter than 32 characters");
            }
            if (parsed.put(id, secret.getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("earshot.reply.approval.keys: the key id " + id + " is given twice");
            }
        }
        if (currentKeyId == null || !parsed.containsKey(currentKeyId.strip())) {
            throw new IllegalArgumentException("earshot.reply.approval.key-id " + currentKeyId
                    + " is not among earshot.reply.approval.keys " + parsed.keySet());
        }
        this.currentKeyId = currentKeyId.strip();
        this.keys = Map.copyOf(parsed);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The signature of {@code claims} with the current key. */
    public String sign(Claims claims) {
        return mac(keys.get(currentKeyId), currentKeyId, claims);
    }

    /** Whether {@code signature}, made with key {@code keyId}, covers exactly {@code claims}. */
    public Verdict verify(Claims claims, String keyId, String signature) {
        if (claims == null || keyId == null || signature == null || signature.isBlank()) {
            return Verdict.UNSIGNED;
        }
        byte[] key = keys.get(keyId);
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        byte[] expected = mac(key, keyId, claims).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID
                : Verdict.BAD_SIGNATURE;
    }

    /**
     * The signed bytes: each field length-prefixed (so no two field lists give the same bytes), the text by its
     * SHA-256, the time in epoch milliseconds.
     */
    static String payload(String keyId, Claims c) {
        StringBuilder b = new StringBuilder("earshot-approval-v1");
        for (String field : new String[] {keyId, c.itemId(), c.platform(), c.inReplyTo(),
                c.commentVersion() == null ? null : c.commentVersion().toString(),
                c.text() == null ? null : QueueItems.sha256(c.text()), c.approver(),
                c.approvedAt() == null ? null : Long.toString(c.approvedAt().toEpochMilli()), c.idempotencyKey()}) {
            b.append('\n').append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field);
        }
        return b.toString();
    }

    private static String mac(byte[] key, String keyId, Claims claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload(keyId, claims).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
