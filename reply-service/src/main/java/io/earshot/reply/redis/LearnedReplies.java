package io.earshot.reply.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.PersonalData;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Similarity;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replies the team approved, kept per language (newest first, capped) so that a similar comment later gets them as
 * suggestions beside the template. The comment is stored masked; staff edits are kept because the approved text is
 * the edited one.
 */
@ApplicationScoped
public class LearnedReplies {

    /** One approved reply and the comment it answered. */
    public record Learned(String itemId, String lang, String label, String comment, String reply, String source) {
    }

    /** A suggestion for an item: an earlier approved reply and how similar its comment was. */
    public record Suggestion(String reply, double similarity, String fromItem, String source) {
    }

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    WorkflowConfig config;

    public void remember(QueueItem item) {
        if (item.approval() == null || item.approval().text() == null || item.approval().text().isBlank()) {
            return;
        }
        String lang = item.lang() == null ? "und" : item.lang();
        Learned learned = new Learned(item.id(), lang, item.label(), PersonalData.mask(item, item.text()),
                item.approval().text(), item.draft() == null ? null : item.draft().source());
        try {
            redis.lpush(key(lang), mapper.writeValueAsString(learned));
            redis.ltrim(key(lang), 0, config.learnedRepliesPerLanguage() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Up to {@code max} approved replies to comments most like this one, in the same language. */
    public List<Suggestion> suggest(QueueItem item, int max) {
        String lang = item.lang() == null ? "und" : item.lang();
        List<Suggestion> found = new ArrayList<>();
        var queryTokens = Similarity.tokens(item.text());
        for (String json : redis.lrange(key(lang), 0, -1)) {
            try {
                Learned l = mapper.readValue(json, Learned.class);
                if (l.itemId().equals(item.id())) {
                    continue;
                }
                double s = Similarity.jaccard(queryTokens, Similarity.tokens(l.comment()));
                if (s >= config.suggestionMinSimilarity()) {
                    found.add(new Suggestion(l.reply(), Math.round(s * 100) / 100.0, l.itemId(), l.source()));
                }
            } catch (JsonProcessingException e) {
                // an unreadable entry is skipped, not fatal
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(Suggestion::similarity).reversed())
                .distinct().limit(max).toList();
    }

    private static String key(String lang) {
        return RedisKeys.LEARNED.key(lang);
    }
}
