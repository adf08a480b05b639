package io.earshot.triage.insights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.messaging.EventMessages;
import io.earshot.triage.messaging.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Feeds complaints and questions from {@code comments.triaged} (its own consumer group and dead-letter topic, so it
 * never slows triage itself) to the {@link EmergingDetector} and publishes what it raises on
 * {@code insights.emerging}, keyed by issue id. A record is acknowledged only after its alarms are acknowledged by
 * Kafka. Time is the event's {@code triagedAt}, so a replay of the topic rebuilds the same window and baseline.
 */
@ApplicationScoped
public class InsightsConsumer {

    private static final Logger LOG = Logger.getLogger(InsightsConsumer.class);

    private final ObjectMapper mapper;
    private final AlarmClaims claims;
    private final MutinyEmitter<String> emitter;
    private final EmergingDetector detector;
    private final InsightsWebhook webhook;
    Clock clock = Clock.systemUTC();

    public InsightsConsumer(ObjectMapper mapper, AlarmClaims claims, InsightsConfig config,
                            @Channel(InsightsTopics.INSIGHTS_EMERGING) MutinyEmitter<String> emitter,
                            InsightsWebhook webhook) {
        this.webhook = webhook;
        this.mapper = mapper;
        this.claims = claims;
        this.emitter = emitter;
        this.detector = new EmergingDetector(config.settings());
    }

    @Incoming(InsightsTopics.TRIAGED_FOR_INSIGHTS)
    @Blocking
    public CompletionStage<Void> consume(Message<String> record) {
        List<Emerging> alarms;
        try {
            alarms = observe(mapper.readTree(record.getPayload()));
        } catch (Exception e) {
            return record.nack(e);
        }
        for (Emerging alarm : alarms) {
            publish(alarm);
        }
        return record.ack();
    }

    synchronized List<Emerging> observe(JsonNode event) {
        JsonNode comment = event.path("comment");
        JsonNode triage = event.path("triage");
        String at = triage.path("triagedAt").asText(null);
        String commentId = comment.path("commentId").asText(null);
        if (at == null || commentId == null || !triage.has("label")) {
            throw new IllegalArgumentException("comments.triaged record lacks triage.triagedAt, label or commentId");
        }
        boolean question = false;
        for (JsonNode f : triage.path("flags")) {
            question |= f.asText().equals("question");
        }
        boolean spam = false;
        for (JsonNode f : triage.path("flags")) {
            spam |= f.asText().equals("spam") || f.asText().equals("abusive");
        }
        if (spam || !(question || triage.path("label").asText().equals("complaint"))) {
            return List.of();
        }
        return detector.observe(new EmergingDetector.Observation(commentId, triage.path("lang").asText("und"),
                comment.path("platform").asText(null), comment.path("text").asText(""), Instant.parse(at)));
    }

    private void publish(Emerging alarm) {
        if (!claims.claim(alarm.issueId(), alarm.version())) {
            return; // another replica (or an earlier delivery) sent it
        }
        InsightsEmerging event = InsightsEmerging.of(alarm, clock.instant());
        String json;
        try {
            json = mapper.writeValueAsString(event);
            emitter.sendMessageAndAwait(EventMessages.event(alarm.issueId(), json, event.eventId(),
                    "earshot.insights.emerging", Topics.SOURCE, event.detectedAt()));
            LOG.infof("emerging issue %s v%d (%s): %d comments, terms %s", alarm.issueId(), alarm.version(),
                    alarm.lang(), alarm.count(), alarm.terms().stream().limit(3).map(Emerging.TermStat::term).toList());
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            claims.release(alarm.issueId(), alarm.version());
            throw new IllegalStateException("insights.emerging send failed", e);
        }
        if (webhook.enabled()) {
            webhook.post(event.eventId(), json);
        }
    }
}
