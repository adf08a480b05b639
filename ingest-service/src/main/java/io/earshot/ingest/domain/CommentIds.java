package io.earshot.ingest.domain;

import java.nio.charset.StandardCharsets;
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

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
