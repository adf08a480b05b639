package io.earshot.reply.messaging;

/** Channel names equal topic names; tests reuse these constants. */
public final class Topics {

    /** What reply-service reads: triaged comments. */
    public static final String COMMENTS_TRIAGED = "comments.triaged";

    /** Where records reply-service cannot process go, with the reason in headers. */
    public static final String COMMENTS_TRIAGED_DLQ = "comments.triaged.dlq.reply-service";

    /** What reply-service writes: every step in the life of a reply. */
    public static final String REPLIES = "replies";

    /** Where records of {@code replies} the view cannot read go. */
    public static final String REPLIES_DLQ = "replies.dlq.reply-service";

    /** The channel that reads {@code replies} back into the Redis view (its own consumer group). */
    public static final String REPLIES_VIEW = "replies-view";

    /**
     * The dashboard's live view of {@code replies}: a second incoming channel on the same topic (a channel name is
     * unique, so it cannot be {@code replies}), read by every instance in a group of its own from the latest offset.
     */
    public static final String REPLIES_LIVE = "replies-live";

    /**
     * Staff and system actions that are not workflow steps (template edits, rebuilds, settings, reveals,
     * translations): docs/events/audit.schema.json. Written by reply-service, keyed by the action's subject.
     */
    public static final String AUDIT = "audit";

    /**
     * Emerging issues triage-service detected (docs/insights.md, docs/events/insights.emerging.schema.json), keyed
     * by issue id: read into {@code EmergingStore} for the queue page's panel.
     */
    public static final String INSIGHTS_EMERGING = "insights.emerging";

    /** Where records of {@code insights.emerging} reply-service cannot read go. */
    public static final String INSIGHTS_EMERGING_DLQ = "insights.emerging.dlq.reply-service";

    /**
     * The dashboard's live view of {@code insights.emerging}: every instance reads it from the latest offset in a
     * group of its own, so a page on any instance hears of a new issue (the channel above is one group for all).
     */
    public static final String INSIGHTS_EMERGING_LIVE = "insights-emerging-live";

    /** The CloudEvents source of every event this service publishes. */
    public static final String SOURCE = "earshot/reply-service";

    private Topics() {
    }
}
