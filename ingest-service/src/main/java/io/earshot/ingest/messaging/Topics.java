package io.earshot.ingest.messaging;

/** Channel names equal topic names; tests reuse these constants. */
public final class Topics {

    /** Normalised comments, key = conversation key ({@code platform:threadId}). */
    public static final String COMMENTS_INGESTED = "comments.ingested";

    /** Health changes of the platform connectors (token expired, rate limited, ...), key = {@code platform:account}. */
    public static final String CONNECTOR_STATUS = "connector.status";

    /**
     * Changes of Meta deliveries that looked like comments but could not become one, kept whole (key = entry id, the
     * reason in {@code dead-letter-*} headers) for inspection and replay.
     */
    public static final String WEBHOOKS_META_DLQ = "webhooks.meta.dlq";

    /**
     * Where a replay of {@link #WEBHOOKS_META_DLQ} sends its records: ingest-service reads them as Meta changes again
     * (after a fix that makes them readable).
     */
    public static final String WEBHOOKS_META = "webhooks.meta";

    /** The CloudEvents source of every event this service publishes. */
    public static final String SOURCE = "earshot/ingest-service";

    private Topics() {
    }
}
