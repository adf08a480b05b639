package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemVerdict;
import io.earshot.reply.redis.QueueFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The queue's filter parameters, one declaration for every endpoint that selects items as {@code GET /api/queue}
 * does (the list and the exports): Bean Validation checks their shape, {@link #filter()} what it cannot check alone,
 * each bad one a 400 problem naming it.
 */
public class QueueQuery {

    @QueryParam("label")
    @Pattern(regexp = "praise|complaint|neutral", message = "must be praise, complaint or neutral")
    String label;

    @QueryParam("platform")
    @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be a platform name")
    String platform;

    @QueryParam("lang")
    @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code")
    String lang;

    @Parameter(description = "a flag triage set: question, spam, abusive or pii")
    @QueryParam("flag")
    String flag;

    @Parameter(description = "comma-separated states, e.g. pending,claimed")
    @QueryParam("state")
    @Pattern(regexp = "[a-z,]{1,200}", message = "must be states separated by commas")
    String state;

    @Parameter(description = "a person or team the items are assigned to")
    @QueryParam("assignee")
    @Pattern(regexp = "[\\w.@ -]{1,100}", message = "must be a user or team name")
    String assignee;

    @Parameter(description = "search (at most 200 characters): words in the text, the author's name or handle, "
            + "the platform's comment id or the item id, ignoring case and accents; every word must occur, the "
            + "last may be the start of a word. Without a complete word (one word and no trailing space) a "
            + "page reads a bounded part of the queue and may come back short with a nextCursor.")
    @QueryParam("q")
    String q;

    /** The filter these parameters select; throws a 400 problem naming a parameter that cannot work. */
    QueueFilter filter() {
        return filter(label, platform, lang, flag, state, assignee, q);
    }

    /** For the action log: which filters were set (never the search words, which may name a person). */
    String describe() {
        java.util.StringJoiner set = new java.util.StringJoiner(", ");
        for (String[] p : new String[][] {{"label", label}, {"platform", platform}, {"lang", lang}, {"flag", flag},
                {"state", state}, {"assignee", assignee}}) {
            if (p[1] != null && !p[1].isBlank()) {
                set.add(p[0] + "=" + p[1]);
            }
        }
        if (q != null && !q.isBlank()) {
            set.add("with a search");
        }
        return set.toString();
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
