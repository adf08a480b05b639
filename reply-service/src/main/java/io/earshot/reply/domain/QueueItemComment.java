package io.earshot.reply.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the commenter said and where: copied from the platform, hostile input like any text, replaced as a whole
 * when the comment is edited.
 *
 * @param commentId the comment's id in Earshot
 * @param platform the platform it was posted on
 * @param threadKey platform:threadId, the key replies and events are keyed by
 * @param threadId the platform's thread
 * @param externalId the comment's id on the platform
 * @param parentId the comment it answers, when it is a reply
 * @param author who wrote it
 * @param text what they wrote
 * @param permalink a link to it
 * @param createdAt when it was written (stored as {@code commentCreatedAt})
 * @param version the version of the comment this item reflects, edits raise it (stored as {@code commentVersion})
 * @param pii personal data triage found in the text, as character spans
 * @param account the platform account it was posted to (business hours are per {@code platform:account}); null on
 *        items stored before it was kept
 */
public record QueueItemComment(
        String commentId,
        String platform,
        String threadKey,
        String threadId,
        String externalId,
        String parentId,
        QueueItem.Author author,
        String text,
        String permalink,
        Instant createdAt,
        int version,
        List<QueueItem.Pii> pii,
        String account) {

    /** A comment without its account (the account's hours then fall back to the default). */
    public QueueItemComment(String commentId, String platform, String threadKey, String threadId, String externalId,
                            String parentId, QueueItem.Author author, String text, String permalink, Instant createdAt,
                            int version, List<QueueItem.Pii> pii) {
        this(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version,
                pii, null);
    }

    public QueueItemComment withCommentId(String commentId) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withPlatform(String platform) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withThreadKey(String threadKey) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withThreadId(String threadId) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withExternalId(String externalId) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withParentId(String parentId) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withAuthor(QueueItem.Author author) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withText(String text) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withPermalink(String permalink) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withCreatedAt(Instant createdAt) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withVersion(int version) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withPii(List<QueueItem.Pii> pii) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }

    public QueueItemComment withAccount(String account) {
        return new QueueItemComment(commentId, platform, threadKey, threadId, externalId, parentId, author, text, permalink, createdAt, version, pii, account);
    }
}
