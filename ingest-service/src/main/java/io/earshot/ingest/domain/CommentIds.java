package io.earshot.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based ids, so the same comment gets the same id however often and through whichever door it arrives: that
 * is what lets every consumer downstream be idempotent.
 */
public final class CommentIds {

    private CommentIds() {
    }

    /** Earshot's id of a comment, stable across its versions. */
    public static String commentId(String platform, String externalId) {
        return uuid("comment|" + platform + "|" + externalId);
    }

    /** The id of the event that carries one version of a comment. */
    public static String eventId(String platform, String externalId, int version) {
        return uuid("ingested|" + platform + "|" + externalId + "|" + version);
    }

    /** One MD5 per thread: looking the algorithm up for every id costs more than hashing. */
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The same as {@link UUID#nameUUIDFromBytes} (a version 3 UUID), without its per-call digest lookup. */
    private static String uuid(String name) {
        byte[] md5 = MD5.get().digest(name.getBytes(StandardCharsets.UTF_8));
        md5[6] &= 0x0f;
        md5[6] |= 0x30;
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (md5[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (md5[i] & 0xff);
        }
        return new UUID(msb, lsb).toString();
    }
}
