package io.earshot.ingest.domain;

import io.earshot.ingest.messaging.CommentIngested;
import io.earshot.ingest.messaging.CommentIngested.Action;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A comment read from some platform, before it has a version: every connector fills one of these the same way, so
 * every door normalises alike (text cleaned, raw payload bounded, context without nulls).
 */
public final class CommentDraft {

    public String platform;
    public String account;
    public String externalId;
    public String threadId;
    public String parentId;
    public String authorId;
    public String authorHandle;
    public String authorName;
    public Long followers;
    /** Already plain text; {@link #toEvent} normalises it. */
    public String text;
    public String lang;
    public Instant createdAt;
    /**
     * When the platform says this revision (an edit, a removal) happened, if it says so: the version of an edit is
     * taken from it ({@code VersionStore}), so a redelivery gets the same version even after Redis was lost.
     */
    public Instant revisedAt;
    public String permalink;
    public String moderationStatus;
    public String raw;
    public Action action = Action.created;
    public final Map<String, Object> context = new LinkedHashMap<>();

    public CommentDraft(String platform, String externalId) {
        this.platform = platform;
        this.externalId = externalId;
    }

    /** Adds one context entry when it has a value. */
    public CommentDraft context(String key, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            context.put(key, value);
        }
        return this;
    }

    /**
     * What a revision of this comment is told apart by, for {@code VersionStore}: the text, and for reviews the star
     * rating (a reviewer may change only the stars).
     */
    public String revision() {
        Object stars = context.get("starRating");
        String edited = (text == null ? "" : text) + (stars == null ? "" : "\u0000stars:" + stars);
        return switch (action) {
            case created -> "created";
            case removed -> "removed";
            case edited -> "edited:" + Hashes.sha256Hex(edited).substring(0, 16);
        };
    }

    public CommentIngested toEvent(int version, Instant receivedAt, int maxRawChars) {
        Instant created = createdAt != null ? createdAt : receivedAt;
        return new CommentIngested(
                CommentIds.eventId(platform, externalId, version),
                CommentIds.commentId(platform, externalId),
                version,
                action,
                platform,
                account,
                externalId,
                threadId != null && !threadId.isEmpty() ? threadId : externalId,
                parentId,
                author(),
                TextNormalizer.normalize(text),
                lang,
                created,
                receivedAt,
                permalink,
                context.isEmpty() ? null : Map.copyOf(context),
                moderationStatus,
                bound(raw, maxRawChars));
    }

    /** The author with every field cleaned like comment text (names are shown to staff and put into replies). */
    CommentIngested.Author author() {
        String id = TextNormalizer.name(authorId, TextNormalizer.MAX_NAME);
        return new CommentIngested.Author(id == null ? "unknown" : id, TextNormalizer.name(authorHandle, TextNormalizer.MAX_NAME),
                TextNormalizer.name(authorName, TextNormalizer.MAX_NAME), followers == null || followers < 0 ? null : followers);
    }

    /** The raw payload cut to at most {@code max} characters, marked when cut. */
    static String bound(String raw, int max) {
        if (raw == null || raw.length() <= max) {
            return raw;
        }
        return raw.substring(0, Math.max(0, max - 12)) + "...[truncated]";
    }
}
