package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.AuthorNames;
import io.earshot.reply.messaging.TriagedComment;
import io.earshot.reply.redis.VipStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises a VIP author's comment in the queue: triage's priority plus {@link WorkflowConfig#vipBoost()}, capped at
 * 100, with a line in the explanation saying so. Applied to a triaged comment before it becomes (or changes) an item,
 * by the consumer and by the rebuild alike, so a rebuilt queue ranks it the same. Triage cannot do it beside its
 * follower boost: the VIP list is reply-service's, and triage's Redis user reaches only {@code earshot:triage:*}.
 */
@ApplicationScoped
public class VipBoost {

    static final String MARK = "VIP author: +";

    private final VipStore vips;
    private final WorkflowConfig config;

    public VipBoost(VipStore vips, WorkflowConfig config) {
        this.vips = vips;
        this.config = config;
    }

    /** The explanation line that says (and remembers) an item got the VIP boost. */
    public static String mark(int boost) {
        return MARK + boost + " priority";
    }

    public static boolean isMark(String line) {
        return line != null && line.startsWith(MARK);
    }

    /** The comment as the queue should rank it: boosted when its author is a VIP, else unchanged. */
    public TriagedComment apply(TriagedComment triaged) {
        TriagedComment.Comment c = triaged.comment();
        TriagedComment.Triage t = triaged.triage();
        if (c == null || t == null || c.author() == null || config.vipBoost() <= 0
                || !vips.isVip(c.platform(), AuthorNames.normalize(c.author().id()))) {
            return triaged;
        }
        int boosted = Math.min(100, Math.max(0, t.priority()) + config.vipBoost());
        List<String> explanation = new ArrayList<>(t.explanation() == null ? List.of() : t.explanation());
        explanation.add(mark(config.vipBoost()));
        return new TriagedComment(triaged.eventId(), c, new TriagedComment.Triage(t.lang(), t.label(), t.confidence(),
                t.scores(), t.flags(), boosted, t.reasons(), explanation, t.model(), t.pii(), t.topic()));
    }
}
