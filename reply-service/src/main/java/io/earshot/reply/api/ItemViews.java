package io.earshot.reply.api;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemJson;
import io.earshot.reply.domain.ReplyLint;
import io.earshot.reply.redis.LearnedReplies;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.workflow.Lints;
import io.earshot.reply.workflow.QueueService;
import io.earshot.reply.workflow.TranslationService;
import io.quarkus.security.identity.SecurityIdentity;
import io.earshot.reply.redis.VipStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Builds {@link ItemView}s, so every resource that answers with an item answers with the same view of it. */
@ApplicationScoped
public class ItemViews {

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    @Inject
    Lints lints;

    @Inject
    LearnedReplies learned;

    @Inject
    TranslationService translations;

    @Inject
    SecurityIdentity identity;

    @Inject
    VipStore vips;

    /** Items of a queue page in their flat form, current and with their VIP marks (one Redis round trip). */
    public List<QueueItemJson> flat(List<QueueItem> stored) {
        List<QueueItem> items = stored.stream().map(service::current).toList();
        java.util.Set<String> vipAuthors = vips.vips(items.stream().map(ItemViews::authorKey)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return items.stream().map(i -> QueueItemJson.of(i).withVip(vipAuthors.contains(authorKey(i)))).toList();
    }

    private static String authorKey(QueueItem item) {
        return item.author() == null || item.author().id() == null ? null
                : io.earshot.reply.domain.Vip.key(item.platform(), item.author().id());
    }

    /** The view of an item for the user asking. */
    public ItemView of(QueueItem stored) {
        QueueItem item = service.current(stored);
        String holder = item.state() == QueueItem.State.claimed ? store.claimHolder(item.id()) : null;
        ItemView.Claim claim = null;
        if (holder != null) {
            long ttl = store.claimTtlMillis(item.id());
            claim = new ItemView.Claim(holder, ttl > 0 ? service.now().plusMillis(ttl) : null);
        }
        ReplyLint.Result lint = lints.lint(item, item.draftText());
        boolean open = !item.state().terminal() && item.state() != QueueItem.State.publishing;
        boolean breached = item.slaDeadline() != null && (open ? service.now().isAfter(item.slaDeadline())
                : item.publication() != null && item.publication().publishedAt() != null
                && item.publication().publishedAt().isAfter(item.slaDeadline()));
        List<ItemView.Related> thread = store.thread(item.threadKey(), 20).stream()
                .filter(i -> !i.id().equals(item.id())).map(ItemView.Related::of).toList();
        List<ItemView.Related> history = store.byAuthor(item, 10).stream()
                .filter(i -> !i.id().equals(item.id()) && !i.commentCreatedAt().isAfter(item.commentCreatedAt()))
                .map(ItemView.Related::of).toList();
        String lastError = item.state() == QueueItem.State.publishing || item.state() == QueueItem.State.failed
                ? store.lastFailure(item.id()) : null;
        boolean vip = item.author() != null && vips.isVip(item.platform(), item.author().id());
        return new ItemView(QueueItemJson.of(item).withVip(vip), claim, lint, breached, lastError, learned.suggest(item, 3), thread, history,
                translations.view(item, identity.getPrincipal().getName()));
    }
}
