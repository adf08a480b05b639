package io.earshot.triage.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.earshot.commons.messaging.EventMessages;
import io.earshot.commons.retry.TransientRetry;
import io.earshot.triage.domain.TriageEngine;
import io.earshot.triage.domain.TriageRequest;
import io.earshot.triage.domain.TriageResult;
import io.earshot.triage.redis.RepetitionStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Reads {@code comments.ingested} a poll at a time ({@code batch=true}), writes {@code comments.triaged}. A batch is
 * acknowledged only once Kafka acknowledged every one of its outputs and every dead letter, so an offset is never
 * committed ahead of what it produced.
 *
 * <p><b>Per poll, not per record:</b> one hop from the event loop to a worker thread; each value parsed once, straight
 * into {@link IngestedComment}, and forwarded as it came ({@link CommentTriaged#comment()}); the repetition counts of
 * the whole batch in one Redis round trip ({@link RepetitionStore#record(List)}); the outputs sent all at once and
 * awaited together. Records are handled and sent in the order of the poll, so order within a partition, hence within
 * a conversation key, is kept.
 *
 * <p><b>One bad record goes to the dead-letter topic alone:</b> a record that cannot be read (or that the engine fails
 * on) is nacked by itself ({@code record.nack}), which the channel's {@code dead-letter-queue} failure strategy writes
 * to {@value Topics#COMMENTS_INGESTED_DLQ} with its {@code dead-letter-*} headers; the others of its batch go on.
 * Dead letters are nacked only after every output of the batch was acknowledged: the strategy acknowledges a record
 * once it is written to the dead-letter topic, and for the last record of a partition that would let the offset be
 * committed while earlier outputs were still in flight.
 *
 * <p>Triage is a function of the event (plus the repetition count, which a redelivery does not raise: it counts
 * distinct event ids), and the output's id is derived from the input's, so a redelivered batch yields the same event
 * ids, which the reply-service deduplicates. A Redis outage is waited out on the worker thread ({@link TransientRetry}),
 * so the count is never silently skipped and later batches wait behind it; Kafka send failures are retried by the
 * outgoing channel for its {@code delivery.timeout.ms} (docs/architecture.md, failure handling).
 */
@ApplicationScoped
public class TriageProcessor {

    private static final Logger LOG = Logger.getLogger(TriageProcessor.class);

    /** The CloudEvents type and source of every output, built once. */
    static final String TYPE = "earshot.comment.triaged";
    private static final URI SOURCE = URI.create(Topics.SOURCE);
    private static final String CONTENT_TYPE = "application/json";

    private final ObjectReader reader;
    private final ObjectWriter writer;
    private final TriageEngine engine;
    private final RepetitionStore repetitions;
    private final TransientRetry retry;
    private final Emitter<String> out;

    Clock clock = Clock.systemUTC();

    /** One record of a batch that could be read. */
    private record Parsed(KafkaRecord<String, String> record, IngestedComment comment) {
    }

    @Inject
    public TriageProcessor(ObjectMapper mapper, TriageEngine engine, RepetitionStore repetitions, TransientRetry retry,
                           // a batch's outputs are all in flight at once: room for a full poll (max.poll.records)
                           @Channel(Topics.COMMENTS_TRIAGED) @OnOverflow(value = OnOverflow.Strategy.BUFFER,
                                   bufferSize = 2048) Emitter<String> out) {
        this.reader = mapper.readerFor(IngestedComment.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = mapper.writerFor(CommentTriaged.class);
        this.engine = engine;
        this.repetitions = repetitions;
        this.retry = retry;
        this.out = out;
    }

    @Incoming(Topics.COMMENTS_INGESTED)
    @Blocking
    public CompletionStage<Void> process(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<Parsed> parsed = new ArrayList<>(records.size());
        List<KafkaRecord<String, String>> bad = new ArrayList<>();
        List<Throwable> reasons = new ArrayList<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                parsed.add(new Parsed(record, read(record.getPayload())));
            } catch (IOException | RuntimeException e) {
                bad.add(record);
                reasons.add(e);
            }
        }
        int[] repeats = repeats(parsed);
        List<KafkaRecord<String, String>> sentFor = new ArrayList<>(parsed.size());
        List<CompletableFuture<Void>> sends = new ArrayList<>(parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            try {
                CompletableFuture<Void> acked = send(p, triage(p.comment(), repeats[i]));
                sentFor.add(p.record());
                sends.add(acked);
            } catch (IOException | RuntimeException e) {
                bad.add(p.record());
                reasons.add(e);
            }
        }
        // every output acknowledged by Kafka (or refused for good) before anything of the batch counts as processed
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).handle((v, t) -> null).join();
        for (int i = 0; i < sends.size(); i++) {
            CompletableFuture<Void> acked = sends.get(i);
            if (acked.isCompletedExceptionally()) {
                // a send Kafka refused for good (delivery.timeout.ms is "until Kafka is back", so rare): that one alone
                bad.add(sentFor.get(i));
                reasons.add(acked.handle((v, t) -> t).join());
            }
        }
        // only then the dead letters: the strategy acknowledges a dead-lettered record once it is written, and that
        // must not let an offset be committed while outputs before it are still in flight
        List<CompletableFuture<Void>> dead = new ArrayList<>(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            dead.add(bad.get(i).nack(reasons.get(i)).toCompletableFuture());
        }
        CompletableFuture.allOf(dead.toArray(CompletableFuture[]::new)).join();
        return batch.ack();
    }

    /** The one parse of a record's value; the value itself is what {@code comment} carries out. */
    IngestedComment read(String payload) throws IOException {
        if (payload == null) {
            throw new IllegalArgumentException("comments.ingested record without a value");
        }
        IngestedComment comment = reader.readValue(payload);
        if (comment == null) {
            throw new IllegalArgumentException("comments.ingested record is JSON null");
        }
        return comment.requireValid();
    }

    /** The repetition counts of the batch's comments that count repeats, in one round trip; 0 for the others. */
    private int[] repeats(List<Parsed> parsed) {
        int[] repeats = new int[parsed.size()];
        List<RepetitionStore.Post> posts = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            IngestedComment c = parsed.get(i).comment();
            if (engine.moderation().countsRepeats(c.text())) {
                posts.add(new RepetitionStore.Post(c.text(), c.eventId()));
                at.add(i);
            }
        }
        if (posts.isEmpty()) {
            return repeats;
        }
        try {
            List<Integer> counts = retry.call(() -> repetitions.record(posts));
            for (int k = 0; k < counts.size(); k++) {
                repeats[at.get(k)] = counts.get(k);
            }
        } catch (RuntimeException e) {
            // not an outage (that is waited out) but an error reply: the rule is a signal, the models still decide
            LOG.warnf("repetition counts unavailable (%s); triaging %d comments without them", e, posts.size());
        }
        return repeats;
    }

    /** Sends the verdict on {@code p}; completes when Kafka acknowledged it, exceptionally if Kafka refused it. */
    private CompletableFuture<Void> send(Parsed p, CommentTriaged.Triage triage) throws IOException {
        IngestedComment comment = p.comment();
        String eventId = triagedEventId(comment.eventId());
        String json = writer.writeValueAsString(new CommentTriaged(eventId, p.record().getPayload(), triage));
        Metadata metadata = Metadata.of(
                OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(EventMessages.conversationKey(comment.platform(), comment.threadId())).build(),
                OutgoingCloudEventMetadata.builder()
                        .withId(eventId).withType(TYPE).withSource(SOURCE).withDataContentType(CONTENT_TYPE)
                        .withTimestamp(triage.triagedAt().atZone(ZoneOffset.UTC)).build());
        CompletableFuture<Void> acked = new CompletableFuture<>();
        out.send(Message.of(json, metadata, () -> {
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }

    /** The engine's verdict on {@code comment}, given its repetition count. */
    CommentTriaged.Triage triage(IngestedComment comment, int repeats) {
        Long age = comment.createdAt() != null && comment.receivedAt() != null
                ? Math.max(0, Duration.between(comment.createdAt(), comment.receivedAt()).toSeconds()) : null;
        TriageResult r = engine.triage(new TriageRequest(comment.text(), comment.lang(), comment.platform(),
                comment.author() == null ? null : comment.author().followers(), comment.moderationStatus(), age,
                repeats, comment.starRating()));
        return toEvent(r, clock);
    }

    /** The event form of a verdict. */
    public static CommentTriaged.Triage toEvent(TriageResult r, Clock clock) {
        List<CommentTriaged.PiiSpan> pii = r.pii().stream()
                .map(p -> new CommentTriaged.PiiSpan(p.type(), p.start(), p.end())).toList();
        return new CommentTriaged.Triage(r.lang(), r.label(), r.confidence(), r.scores(), r.flags(), pii,
                r.priority(), r.reasons(), r.explanation(), r.signals(), r.model(), clock.instant(), r.topic());
    }

    static String triagedEventId(String ingestedEventId) {
        return UUID.nameUUIDFromBytes(("triaged|" + ingestedEventId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
