package io.earshot.reply.workflow;

import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.AuthorNames;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Workflow;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.redis.QueueStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Re-ranks an author's open items when a supervisor marks or unmarks them VIP: a {@code reprioritised} step per item
 * (an event on {@code replies}, so a rebuild replays the same rank), the boost added once and taken away once. The
 * boost is remembered in the item's explanation ({@link VipBoost#MARK}), which is how a second mark knows it is
 * done; deadlines stay as they were given.
 */
@ApplicationScoped
public class VipRerank {

    private static final Logger LOG = Logger.getLogger(VipRerank.class);
    /** An author with more open items than this is re-ranked in part (the newest), the rest keep their rank. */
    static final int MAX_ITEMS = 500;

    private final QueueStore store;
    private final QueueService service;
    private final WorkflowConfig config;

    public VipRerank(QueueStore store, QueueService service, WorkflowConfig config) {
        this.store = store;
        this.service = service;
        this.config = config;
    }

    /** Boosts ({@code vip}) or un-boosts the open items of an author; returns how many were re-ranked. */
    public int rerank(String platform, String authorId, boolean vip) {
        Map<String, QueueItem> items = new LinkedHashMap<>();
        for (String id : List.of(authorId, AuthorNames.normalize(authorId))) {
            store.byAuthor(platform, id, MAX_ITEMS).forEach(i -> items.putIfAbsent(i.id(), i));
        }
        int changed = 0;
        for (QueueItem stored : items.values()) {
            QueueItem item = service.current(stored);
            if (!Workflow.allowed(Workflow.Action.REPRIORITISE, item.state()) || boosted(item) == vip) {
                continue;
            }
            try {
                service.system(item.id(), Step.of(Workflow.Action.REPRIORITISE, Actor.policy("vip"), QueueStore.LockMode.NONE)
                        .because(vip ? "author marked VIP" : "author no longer VIP")
                        .changing(i -> boosted(i) == vip ? i : rerank(i, vip)));
                changed++;
            } catch (WorkflowException e) {
                LOG.infof("VIP re-rank of %s skipped: %s", item.id(), e.getMessage());
            }
        }
        return changed;
    }

    private QueueItem rerank(QueueItem item, boolean vip) {
        int boost = config.vipBoost();
        List<String> explanation = new ArrayList<>(item.verdict().explanation() == null ? List.of() : item.verdict().explanation());
        int priority;
        if (vip) {
            priority = Math.min(100, item.priority() + boost);
            explanation.add(VipBoost.mark(boost));
        } else {
            priority = Math.max(0, item.priority() - boost);
            explanation.removeIf(VipBoost::isMark);
        }
        return item.withVerdict(v -> v.withPriority(priority).withExplanation(List.copyOf(explanation)));
    }

    private static boolean boosted(QueueItem item) {
        return item.verdict().explanation() != null && item.verdict().explanation().stream().anyMatch(VipBoost::isMark);
    }
}
