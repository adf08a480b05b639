package io.earshot.triage.messaging;

/** Channel names equal topic names; tests reuse these constants. */
public final class Topics {

    /** What triage reads: normalised comments from ingest-service. */
    public static final String COMMENTS_INGESTED = "comments.ingested";

    /** What triage writes: each comment with its triage verdict. */
    public static final String COMMENTS_TRIAGED = "comments.triaged";

    /** Where records triage cannot process go, with the reason in headers. */
    public static final String COMMENTS_INGESTED_DLQ = "comments.ingested.dlq.triage-service";

    /** The CloudEvents source of every event this service publishes. */
    public static final String SOURCE = "earshot/triage-service";

    private Topics() {
    }
}
