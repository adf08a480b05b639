package io.earshot.ingest.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The {@code connector.status} event ({@code docs/events/connector.status.schema.json}): a connector's health changed,
 * for instance its token expired, so operators and the dashboard can ask someone to reconnect the account.
 *
 * @param connector {@code platform:account}
 * @param status ok, token_expired, rate_limited, quota_exhausted or unreachable
 * @param previous the status before this change
 * @param reason what the platform said, without any secret
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectorStatusEvent(String eventId, String connector, String platform, String account, String status,
        String previous, String reason, Instant at) {
}
