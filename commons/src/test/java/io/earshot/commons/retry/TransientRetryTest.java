package io.earshot.commons.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which faults are waited out, and that waiting ends with the call's result, counted and reported. */
class TransientRetryTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TransientRetry retry = new TransientRetry(new RetryConfig() {
        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(5);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(20);
        }
    }, registry, "reply-service");

    @Test
    void outagesAreTransientAndBadRecordsOrErrorRepliesAreNot() {
        assertTrue(TransientFaults.isTransient(new RedisConnectionException("refused")));
        assertTrue(TransientFaults.isTransient(new RedisCommandTimeoutException("2 s")));
        assertTrue(TransientFaults.isTransient(new RedisException("Currently not connected. Commands are rejected.")));
        assertTrue(TransientFaults.isTransient(new RedisLoadingException("LOADING Redis is loading the dataset")));
        assertTrue(TransientFaults.isTransient(new RedisCommandExecutionException("READONLY You can't write")));
        assertTrue(TransientFaults.isTransient(new CompletionException(new TimeoutException("no ack in 120 s"))));
        assertFalse(TransientFaults.isTransient(new RedisCommandExecutionException("WRONGTYPE Operation against a key")));
        assertFalse(TransientFaults.isTransient(new RecordTooLargeException("too large")));
        assertFalse(TransientFaults.isTransient(new UncheckedIOException(new JsonParseException(null, "bad json"))));
        assertTrue(TransientFaults.isTransient(new java.net.SocketException("Connection reset")));
        assertFalse(TransientFaults.isTransient(new IllegalArgumentException("comment lacks an id")));
        assertEquals("redis", TransientFaults.storeOf(new RuntimeException(new RedisConnectionException("refused"))));
        assertEquals("kafka", TransientFaults.storeOf(new CompletionException(new TimeoutException("no ack"))));
    }

    @Test
    void aCallIsRetriedUntilTheStoreAnswersAndEachRetryIsCounted() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call(() -> {
            if (calls.incrementAndGet() <= 3) {
                throw new RedisConnectionException("refused");
            }
            return "queued";
        });
        assertEquals("queued", result);
        assertEquals(4, calls.get());
        assertEquals(3.0, registry.get("earshot.reply.transient.retries").tag("store", "redis").counter().count());
        assertTrue(retry.waiting().isEmpty(), "nothing waits any more");
    }

    @Test
    void aPermanentFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bad = new IllegalArgumentException("schema violation");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> retry.call(() -> {
            calls.incrementAndGet();
            throw bad;
        }));
        assertSame(bad, thrown);
        assertEquals(1, calls.get());
        assertTrue(registry.find("earshot.reply.transient.retries").counters().isEmpty());
    }

    @Test
    void anAsyncCallIsResubscribedAndLaterRecordsCanWaitForIt() {
        AtomicInteger sends = new AtomicInteger();
        String result = retry.async(() -> Uni.createFrom().item(sends::incrementAndGet)
                        .onItem().transformToUni(n -> n <= 2
                                ? Uni.createFrom().<String>failure(new TimeoutException("broker down"))
                                : Uni.createFrom().item("acked")))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("acked", result);
        assertEquals(3, sends.get());
        assertTrue(retry.awaitAsync(Duration.ofSeconds(1)));
        assertEquals(2.0, registry.get("earshot.reply.transient.retries").tag("store", "kafka").counter().count());
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        assertTrue(retry.backoff(1).toMillis() <= 5);
        assertTrue(retry.backoff(2).toMillis() <= 10 && retry.backoff(2).toMillis() >= 8);
        assertTrue(retry.backoff(10).toMillis() <= 20 && retry.backoff(10).toMillis() >= 16);
        assertTrue(retry.backoff(1000).toMillis() <= 20);
    }
}
