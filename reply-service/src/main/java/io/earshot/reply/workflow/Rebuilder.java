package io.earshot.reply.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.ApprovalSignature;
import io.earshot.reply.domain.AuditEntry;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.Replay;
import io.earshot.reply.messaging.ReplyEvent;
import io.earshot.reply.messaging.Topics;
import io.earshot.reply.messaging.TriagedComment;
import io.earshot.reply.redis.Announcements;
import io.earshot.reply.redis.QueueStore;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the queue from Kafka, the truth: every comment from {@code comments.triaged} (its latest version), then
 * every {@code replies} event of each item in order. Nothing is lost (both topics are read to the end offsets taken
 * after the view was cleared), and nothing is published twice: an item that ends approved or publishing goes back
 * into the outbox with its approval's idempotency key and its attempt count, so the publisher checks the platform
 * before sending again. An {@code approved} event whose signature does not verify is skipped (counted, audited), and an
 * item that would end approved without a valid approval goes back to pending for a human. Staff actions and
 * publishing wait while it runs.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);

    static final String UNSIGNED = "its approval carries no valid signature (forged, or approved before approvals "
            + "were signed): read the reply and approve it again";

    /** What a rebuild did. */
    public record Report(int comments, int events, int items, int inOutbox, long millis) {
    }

    @Inject
    QueueStore store;

    @Inject
    Announcements announcements;

    @Inject
    RebuildGate gate;

    @Inject
    EventRelay relay;

    @Inject
    Drafter drafter;

    @Inject
    WorkflowConfig config;

    @Inject
    SlaPolicy slaPolicy;

    @Inject
    ObjectMapper mapper;

    @Inject
    QueueService service;

    @Inject
    Approvals approvals;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** The kafka.* settings the channels use; their security part (SASL_SSL, SCRAM, truststore) goes to the rebuild's consumers. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    void onStart(@Observes StartupEvent start) {
        if (!config.rebuildWhenEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                if (store.size() == 0) {
                    LOG.info("the queue in Redis is empty: rebuilding it from Kafka");
                    Report report = rebuild();
                    LOG.infof("rebuilt the queue from Kafka: %s", report);
                }
            } catch (RuntimeException e) {
                LOG.warnf("start-up rebuild skipped: %s", e.toString());
            }
        }, "queue-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    public Report rebuild() {
        if (!gate.tryClose()) {
            throw QueueService.conflict("a rebuild is already running");
        }
        long started = System.currentTimeMillis();
        try {
            int parked = relay.flush(0);
            if (parked > 0) {
                throw new IllegalStateException(parked + " events are not in Kafka yet; rebuild refused so nothing is lost");
            }
            // Kafka must answer before the view is cleared, or a failed rebuild would leave an empty queue
            probe();
            store.wipe();
            Map<String, TriagedComment> latest = new LinkedHashMap<>();
            Map<String, Instant> firstSeen = new HashMap<>();
            int comments = readAll(Topics.COMMENTS_TRIAGED, r -> {
                try {
                    TriagedComment t = mapper.readValue(r.value(), TriagedComment.class).requireValid();
                    String id = t.comment().commentId();
                    firstSeen.putIfAbsent(id, Instant.ofEpochMilli(r.timestamp()));
                    TriagedComment prev = latest.get(id);
                    if (prev == null || t.comment().version() >= prev.comment().version()) {
                        latest.put(id, t);
                    }
                } catch (Exception e) {
                    // the live consumer sent it to the dead-letter topic; so does the rebuild
                }
            });
            Map<String, List<ReplyEvent>> events = new HashMap<>();
            int eventCount = readAll(Topics.REPLIES, r -> {
                try {
                    ReplyEvent e = mapper.readValue(r.value(), ReplyEvent.class);
                    if (e.itemId() != null && e.type() != null && e.state() != null) {
                        events.computeIfAbsent(e.itemId(), k -> new ArrayList<>()).add(e);
                    }
                } catch (Exception e) {
                    // unreadable: skipped, as the replies consumer sends it to its dead-letter topic
                }
            });
            int items = 0;
            int outbox = 0;
            Instant now = service.now();
            for (TriagedComment t : latest.values()) {
                String id = t.comment().commentId();
                QueueItem item = QueueItems.fromTriaged(t, drafter::templateDraft, slaPolicy.sla(),
                        firstSeen.getOrDefault(id, now));
                List<String> audit = new ArrayList<>();
                boolean drafted = false;
                for (ReplyEvent e : events.getOrDefault(id, List.of())) {
                    if (!Replay.newer(item, e)) {
                        continue;
                    }
                    if ("approved".equals(e.type())) {
                        ApprovalSignature.Verdict verdict = approvals.verify(item, e);
                        if (verdict != ApprovalSignature.Verdict.VALID) {
                            approvals.refused(Approvals.Source.rebuild, id, null, e.eventId(), verdict, e.actor());
                            audit.add(store.json(refusal(e, item, verdict)));
                            continue;
                        }
                    }
                    String from = "drafted".equals(e.type()) ? null : item.state().name();
                    item = Replay.apply(item, e);
                    audit.add(store.json(Replay.audit(e, from)));
                    drafted |= "drafted".equals(e.type());
                }
                if (!drafted) {
                    audit.add(0, store.json(new AuditEntry(item.queuedAt(), "system", "drafted", null, "pending", 1, null,
                            item.draftText(), "rebuilt")));
                }
                boolean publishable = item.state() == QueueItem.State.approved || item.state() == QueueItem.State.publishing;
                if (publishable && approvals.verify(item) != ApprovalSignature.Verdict.VALID) {
                    // its approval was refused above (forged, or from before approvals were signed): a human again
                    audit.add(store.json(new AuditEntry(now, "system", "approval_refused", item.state().name(),
                            "pending", item.version(), null, null, UNSIGNED)));
                    item = item.withApproval(null).withHandling(h -> h.withState(QueueItem.State.pending)
                            .withClaimedBy(null).withStateReason(UNSIGNED));
                    publishable = false;
                }
                store.createIfAbsent(item, "{}");
                store.put(item);
                store.putAudit(id, audit);
                if (drafted) {
                    announcements.markAnnounced(id).await().atMost(Duration.ofSeconds(5));
                }
                if (publishable) {
                    store.outboxAt(id, now);
                    outbox++;
                }
                items++;
            }
            return new Report(comments, eventCount, items, outbox, System.currentTimeMillis() - started);
        } finally {
            gate.open();
        }
    }

    /** The audit line of an {@code approved} event the rebuild refused. */
    private static AuditEntry refusal(ReplyEvent e, QueueItem item, ApprovalSignature.Verdict verdict) {
        return new AuditEntry(e.occurredAt(), "system", "approval_refused", item.state().name(), item.state().name(),
                item.version(), null, null, "approved event " + e.eventId() + " by " + e.actor() + " refused ("
                + verdict.label() + "): its signature does not verify");
    }

    private void probe() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            consumer.listTopics(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka does not answer (" + e.getClass().getSimpleName() + "); the queue was left as it is");
        }
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reply-service-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        kafkaConfig.forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                props.put(key, value);
            }
        });
        return props;
    }

    /** Reads a topic from the beginning to the end offsets of now; returns how many records. */
    private int readAll(String topic, Consumer<ConsumerRecord<String, String>> each) {
        int n = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                return 0;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
            end.values().removeIf(o -> o == 0);
            long deadline = System.currentTimeMillis() + Duration.ofMinutes(10).toMillis();
            while (!end.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = end.get(tp);
                    if (stop != null && r.offset() < stop) {
                        each.accept(r);
                        n++;
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!end.isEmpty()) {
                throw new IllegalStateException("could not read " + topic + " to its end");
            }
        }
        return n;
    }
}
