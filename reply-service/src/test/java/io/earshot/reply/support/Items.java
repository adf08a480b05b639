package io.earshot.reply.support;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemComment;
import io.earshot.reply.domain.QueueItemHandling;
import io.earshot.reply.domain.QueueItemVerdict;
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

    public static QueueItem item(String id, String platform, String label, String lang, int priority, String createdAt) {
        Instant created = Instant.parse(createdAt);
        Instant now = Instant.now();
        return new QueueItem(id,
                new QueueItemComment(id, platform, platform + ":t", "t", "x" + id, null, new QueueItem.Author("u", "h", "H"),
                        "text " + id, null, created, 1, List.of()),
                new QueueItemVerdict(lang, label, 0.7, Map.of("praise", 0.1, "complaint", 0.7, "neutral", 0.2), List.of(),
                        priority, List.of(), null),
                new QueueItem.Draft("draft", lang, "template"),
                new QueueItemHandling(QueueItem.State.pending, 1, now, now,
                        created.plus(Duration.ofHours("complaint".equals(label) ? 1 : 24)), null, null, null, null, null, null),
                null, QueueItem.Publication.NONE, null);
    }

    /** An English complaint on {@code platform} with a draft that passes the lint. */
    public static QueueItem complaint(String platform) {
        String id = UUID.randomUUID().toString();
        return item(id, platform, "complaint", "en", 60, "2026-11-01T10:00:00Z")
                .withComment(c -> c.withExternalId("c-" + id.substring(0, 8)).withText("My order arrived broken, what now?")
                        .withAuthor(new QueueItem.Author("u-" + id.substring(0, 6), "jane", "Jane")))
                .withDraft(new QueueItem.Draft("Hi Jane, we're sorry about this. Please send us a private message with your order details and we'll help.", "en", "template:en:complaint"));
    }
}
