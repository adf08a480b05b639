package io.earshot.reply.domain;

import java.time.Instant;

/**
 * An author a supervisor marked as important, so their comments are answered first and shown with a badge.
 *
 * @param identity a name linking the same person's accounts on several platforms (each account is marked), or null
 */
public record Vip(String platform, String authorId, String identity, String by, Instant at) {

    /** The key of an author: {@code <platform>:<author id>}. */
    public static String key(String platform, String authorId) {
        return platform + ":" + authorId;
    }

    public String key() {
        return key(platform, authorId);
    }
}
