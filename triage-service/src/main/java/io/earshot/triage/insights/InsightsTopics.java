package io.earshot.triage.insights;

/** Channels of the emerging-issue detector; tests reuse these constants. */
public final class InsightsTopics {

    /**
     * The detector's own incoming channel on topic {@code comments.triaged}: the channel name cannot be the topic
     * name, which is triage's outgoing channel already.
     */
    public static final String TRIAGED_FOR_INSIGHTS = "comments.triaged-insights";

    /** What the detector writes. */
    public static final String INSIGHTS_EMERGING = "insights.emerging";

    /** Where comments.triaged records the detector cannot read go. */
    public static final String TRIAGED_DLQ = "comments.triaged.dlq.triage-insights";

    private InsightsTopics() {
    }
}
