package io.earshot.reply.support;

import io.earshot.reply.domain.QueueItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queue items for tests. */
public final class Items {

    private Items() {
    }

    public static String platform() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    public static QueueItem.Builder item(String id, String platform, String label, String lang, int priority, String createdAt) {
        Instant created = Instant.parse(createdAt);
        return new QueueItem.Builder().id(id).commentId(id).platform(platform).threadKey(platform + ":t").threadId("t")
                .externalId("x" + id).author(new QueueItem.Author("u", "h", "H")).text("text " + id)
                .commentCreatedAt(created).lang(lang).label(label).confidence(0.7)
                .scores(Map.of("praise", 0.1, "complaint", 0.7, "neutral", 0.2)).flags(List.of()).priority(priority)
                .explanation(List.of()).draft(new QueueItem.Draft("draft", lang, "template"))
                .state(QueueItem.State.pending).version(1).queuedAt(Instant.now()).updatedAt(Instant.now())
                .commentVersion(1).pii(List.of()).slaDeadline(created.plus(Duration.ofHours("complaint".equals(label) ? 1 : 24)))
                .publication(QueueItem.Publication.NONE);
    }

    /** An English complaint on {@code platform} with a draft that passes the lint. */
    public static QueueItem.Builder complaint(String platform) {
        String id = UUID.randomUUID().toString();
        return item(id, platform, "complaint", "en", 60, "2026-11-01T10:00:00Z")
                .externalId("c-" + id.substring(0, 8))
                .text("My order arrived broken, what now?")
                .author(new QueueItem.Author("u-" + id.substring(0, 6), "jane", "Jane"))
                .draft(new QueueItem.Draft("Hi Jane, we're sorry about this. Please send us a private message with your order details and we'll help.", "en", "template:en:complaint"));
    }
}
