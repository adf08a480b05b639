package io.earshot.ingest.messaging;

/** Channel names equal topic names; tests reuse these constants. */
public final class Topics {

    /** Normalised comments, key = conversation key ({@code platform:threadId}). */
    public static final String COMMENTS_INGESTED = "comments.ingested";

    /** Health changes of the platform connectors (token expired, rate limited, ...), key = {@code platform:account}. */
    public static final String CONNECTOR_STATUS = "connector.status";

    /** Meta webhook deliveries that could not be parsed, kept raw (ingest-service writes it; KafkaTopic webhooks-meta-dlq). */
    public static final String WEBHOOKS_META_DLQ = "webhooks.meta.dlq";

    /** The CloudEvents source of every event this service publishes. */
    public static final String SOURCE = "earshot/ingest-service";

    private Topics() {
    }
}
