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

    static QueueItem item(String id, String platform, String label, String lang, int priority, String author,
            String text, String draft, Duration age) {
        Instant at = Instant.now().minus(age);
        return new QueueItem(id, id, platform, platform + ":post-1", "post-1", "x-" + id, null,
                new QueueItem.Author("u-" + id, author.toLowerCase().replaceAll("[^a-z]", ""), author), text, null, at, lang,
                label, 0.81, Map.of("praise", 0.1, "complaint", 0.81, "neutral", 0.09), List.of(), priority,
                List.of("\"roto\" pushes towards complaint", "question mark"), new QueueItem.Draft(draft, lang, "template"),
                QueueItem.State.pending, 1, at, at);
    }
}
