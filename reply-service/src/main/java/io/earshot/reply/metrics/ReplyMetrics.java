package io.earshot.reply.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The counters the ops alerts are written against ({@code deploy/k8s/components/monitoring/alerts.yaml}): replies that
 * failed for good ({@code earshot_reply_publish_failures_total}) and comments that passed their reply deadline while
 * still unanswered ({@code earshot_reply_sla_breaches_total}). Kept in one place so the names cannot drift from the
 * alert rules one call site at a time.
 */
@ApplicationScoped
public class ReplyMetrics {

    static final String PUBLISH_FAILURES = "earshot.reply.publish.failures";
    static final String SLA_BREACHES = "earshot.reply.sla.breaches";
    static final String FORGED_EVENTS = "earshot.reply.forged.events";
    static final String NOTIFICATIONS = "earshot.reply.notifications";

    @Inject
    MeterRegistry registry;

    /** A reply that will not reach {@code platform} without a person: a permanent error or an expired token. */
    public void publishFailed(String platform, boolean tokenExpired) {
        Counter.builder(PUBLISH_FAILURES)
                .description("Replies that failed for good (after retries) and wait for staff")
                .tag("platform", platform == null ? "unknown" : platform)
                .tag("reason", tokenExpired ? "token_expired" : "platform_error")
                .register(registry).increment();
    }

    /** An unanswered comment passed its deadline; {@code priority} is {@code urgent} or {@code normal}. */
    public void slaBreached(String priority, String platform) {
        Counter.builder(SLA_BREACHES)
                .description("Comments that passed their reply deadline unanswered")
                .tag("priority", priority)
                .tag("platform", platform == null ? "unknown" : platform)
                .register(registry).increment();
    }

    /**
     * An approval that did not verify was refused; {@code source} is where it was read (view, rebuild, publish),
     * {@code reason} unsigned, unknown_key or bad_signature. Any increase means someone wrote to Kafka or Redis
     * what only reply-service may write, or approvals from before signing were replayed.
     */
    public void forgedApproval(String source, String reason) {
        Counter.builder(FORGED_EVENTS)
                .description("Approvals refused because their signature did not verify")
                .tag("source", source)
                .tag("reason", reason)
                .register(registry).increment();
    }

    /**
     * A notification's fate: {@code channel} mail or webhook; {@code kind} sla_breached, escalated or assigned;
     * {@code outcome} sent, held (quiet hours), failed (the SMTP server or the webhook refused or could not be
     * reached; logged without addresses or secrets) or unaddressed (a recipient user without {@code email}).
     */
    public void notification(String channel, String kind, String outcome) {
        Counter.builder(NOTIFICATIONS)
                .description("Notifications of breaches, escalations and assignments, by channel and outcome")
                .tag("channel", channel)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry).increment();
    }
}
