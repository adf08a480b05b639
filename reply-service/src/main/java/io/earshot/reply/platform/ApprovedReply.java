package io.earshot.reply.platform;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.Workflow;

/**
 * The only thing a connector can publish: a reply a human approved. It can be made only from an item that
 * {@link Workflow#publishable(QueueItem) is publishable}, so no code path can hand a connector an unapproved text.
 *
 * @param inReplyTo the platform's id of the comment answered
 * @param idempotencyKey the same for every attempt of this approval
 */
public record ApprovedReply(String itemId, String platform, String inReplyTo, String parentId, String threadId,
                            String text, String idempotencyKey, String approvedBy, String commentId) {

    /** @throws IllegalStateException when the item carries no human approval or is not approved */
    public static ApprovedReply of(QueueItem item) {
        if (!Workflow.publishable(item)) {
            throw new IllegalStateException("item " + item.id() + " is " + item.state() + " without a publishable approval");
        }
        QueueItem.Approval a = item.approval();
        return new ApprovedReply(item.id(), item.platform(), item.externalId(), item.parentId(), item.threadId(),
                a.text(), a.idempotencyKey(), a.by(), item.commentId());
    }
}
