package io.earshot.reply.web;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemComment;
import io.earshot.reply.domain.QueueItemHandling;
import io.earshot.reply.domain.QueueItemVerdict;
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

    static QueueItem item(String id, String platform, String label, String lang, int priority, String author,
            String text, String draft, Duration age) {
        Instant at = Instant.now().minus(age);
        return new QueueItem(id,
                new QueueItemComment(id, platform, platform + ":post-" + id, "post-" + id, "x-" + id, null,
                        new QueueItem.Author("u-" + id, author.toLowerCase().replaceAll("[^a-z]", ""), author), text, null,
                        at, 1, List.of()),
                new QueueItemVerdict(lang, label, 0.81, Map.of("praise", 0.1, "complaint", 0.81, "neutral", 0.09), List.of(),
                        priority, List.of("\"roto\" pushes towards complaint", "question mark"), null),
                new QueueItem.Draft(draft, lang, "template:" + lang + ":" + label),
                new QueueItemHandling(QueueItem.State.pending, 1, at, at,
                        at.plus(Duration.ofMinutes("complaint".equals(label) ? 60 : 1440)), null, null, null, null, null, null),
                null, QueueItem.Publication.NONE, null);
    }
}
