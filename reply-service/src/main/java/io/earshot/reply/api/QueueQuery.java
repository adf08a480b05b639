package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemVerdict;
import io.earshot.reply.redis.QueueFilter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query parameters of {@code GET /api/queue} that Bean Validation cannot check alone, turned into a
 * {@link QueueFilter}: each bad one is a 400 problem naming it.
 */
final class QueueQuery {

    private QueueQuery() {
    }

    static QueueFilter filter(String label, String platform, String lang, String flag, String state, String assignee,
                              String q) {
        if (flag != null && !QueueItemVerdict.FLAGS.contains(flag)) {
            throw ProblemException.badField("flag", "must be one of " + String.join(", ", QueueItemVerdict.FLAGS));
        }
        if (q != null && q.length() > ItemSearch.MAX_QUERY) {
            throw ProblemException.badField("q", "must be at most " + ItemSearch.MAX_QUERY + " characters");
        }
        return new QueueFilter(label, platform, lang, flag, states(state), assignee, ItemSearch.Query.parse(q));
    }

    private static Set<QueueItem.State> states(String state) {
        if (state == null) {
            return null;
        }
        try {
            return Arrays.stream(state.split(",")).filter(s -> !s.isBlank()).map(QueueItem.State::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(QueueItem.State.class)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("state", "must be states among " + Arrays.toString(QueueItem.State.values()));
        }
    }
}
