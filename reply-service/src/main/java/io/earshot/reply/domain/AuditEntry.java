package io.earshot.reply.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One line of an item's audit trail: who did what, when, and the reply text before and after. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(Instant at, String actor, String action, String fromState, String toState, long version,
                         String textBefore, String textAfter, String reason) {
}
