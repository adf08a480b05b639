package io.earshot.reply.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemJson;
import io.earshot.reply.domain.ReplyLint;
import io.earshot.reply.redis.LearnedReplies;
import io.earshot.reply.workflow.TranslationService;
import java.time.Instant;
import java.util.List;

/**
 * A queue item as the dashboard shows it: the item, who holds the claim and until when, the lint of its draft,
 * suggestions from earlier approved replies, the conversation around it, the author's earlier comments, and
 * translation for the user looking at it (whether it is needed and available, the comment's, the draft's).
 *
 * @param item the item in its flat form: Jackson's {@code @JsonUnwrapped} unwraps a plain record, not an item written
 *        through a converter
 */
public record ItemView(
        @JsonUnwrapped QueueItemJson item,
        Claim claim,
        ReplyLint.Result lint,
        boolean slaBreached,
        String lastPublishError,
        List<LearnedReplies.Suggestion> suggestions,
        List<Related> thread,
        List<Related> authorHistory,
        TranslationService.TranslationView translation) {

    /** The live claim: who and until when. */
    public record Claim(String holder, Instant expiresAt) {
    }

    /** Another comment of the thread or by the author, with our reply to it if there was one. */
    public record Related(String id, String authorName, String text, Instant createdAt, String label,
                          QueueItem.State state, String reply) {

        static Related of(QueueItem i) {
            String reply = i.approval() != null ? i.approval().text() : null;
            return new Related(i.id(), i.author() == null ? null : i.author().displayName(), i.text(),
                    i.commentCreatedAt(), i.label(), i.state(), reply);
        }
    }
}
