package io.earshot.reply.web;

import io.earshot.reply.domain.QueueItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queue items for the dashboard tests, each with a unique id. */
final class Items {

    private Items() {
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static QueueItem.Builder builder(String id, String platform, String label, String lang, int priority, String author,
            String text, String draft, Duration age) {
        Instant at = Instant.now().minus(age);
        return new QueueItem.Builder().id(id).commentId(id).platform(platform).threadKey(platform + ":post-" + id)
                .threadId("post-" + id).externalId("x-" + id)
                .author(new QueueItem.Author("u-" + id, author.toLowerCase().replaceAll("[^a-z]", ""), author))
                .text(text).commentCreatedAt(at).lang(lang).label(label).confidence(0.81)
                .scores(Map.of("praise", 0.1, "complaint", 0.81, "neutral", 0.09)).flags(List.of()).priority(priority)
                .explanation(List.of("\"roto\" pushes towards complaint", "question mark"))
                .draft(new QueueItem.Draft(draft, lang, "template:" + lang + ":" + label))
                .state(QueueItem.State.pending).version(1).queuedAt(at).updatedAt(at).commentVersion(1).pii(List.of())
                .slaDeadline(at.plus(Duration.ofMinutes("complaint".equals(label) ? 60 : 1440)))
                .publication(QueueItem.Publication.NONE);
    }

    static QueueItem item(String id, String platform, String label, String lang, int priority, String author,
            String text, String draft, Duration age) {
        return builder(id, platform, label, lang, priority, author, text, draft, age).build();
    }
}
