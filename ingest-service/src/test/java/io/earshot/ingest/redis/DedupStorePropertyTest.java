package io.earshot.ingest.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.redis.DedupStore.Key;
import io.earshot.ingest.redis.DedupStore.Reservation;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Deduplication against a real redis-server, over any sequence of deliveries: each a batch of comment versions
 * (repeats allowed, also inside one batch) whose publishing then succeeds (confirm), fails (release) or never
 * finishes (a crash: the pending mark stays). The store must answer exactly what a simple model says, and no
 * version is ever published twice.
 */
class DedupStorePropertyTest {

    enum Outcome { SUCCESS, FAIL, CRASH }

    record Delivery(List<Integer> versions, Outcome outcome) {
    }

    enum Mark { ABSENT, PENDING, PUBLISHED }

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeContainer
    static void connect() {
        client = RedisClient.create(RedisServerResource.uri());
        connection = client.connect();
    }

    @AfterContainer
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    static DedupStore store() {
        DedupStore store = new DedupStore();
        store.connection = connection;
        store.redis = connection.sync();
        store.config = (IngestConfig) Proxy.newProxyInstance(IngestConfig.class.getClassLoader(),
                new Class<?>[] {IngestConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "publishTimeout" -> Duration.ofSeconds(10);
                    case "dedupTtl" -> Duration.ofDays(7);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return store;
    }

    @Provide
    Arbitrary<List<Delivery>> deliveries() {
        Arbitrary<List<Integer>> batch = Arbitraries.integers().between(0, 5).list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(batch, Arbitraries.of(Outcome.class)).as(Delivery::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 200)
    void everyVersionIsPublishedAtMostOnceAndAnswersFollowTheModel(@ForAll("deliveries") List<Delivery> deliveries) {
        DedupStore store = store();
        String platform = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // versions 0..5 are (comment c0..c2) x (version 1..2)
        Map<Integer, Mark> model = new HashMap<>();
        Map<Integer, Integer> published = new HashMap<>();
        for (Delivery d : deliveries) {
            List<Key> keys = new ArrayList<>();
            for (int v : d.versions()) {
                keys.add(new Key(platform, "c" + (v / 2), 1 + v % 2));
            }
            List<Reservation> answers = store.reserveAll(keys);
            List<Key> mine = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                int v = d.versions().get(i);
                Mark mark = model.getOrDefault(v, Mark.ABSENT);
                Reservation expected = switch (mark) {
                    case ABSENT -> Reservation.RESERVED;
                    case PENDING -> Reservation.IN_PROGRESS;
                    case PUBLISHED -> Reservation.PUBLISHED;
                };
                assertEquals(expected, answers.get(i), "version " + v + " in " + d + " after " + deliveries);
                if (answers.get(i) == Reservation.RESERVED) {
                    model.put(v, Mark.PENDING); // a repeat inside the same batch now finds it pending
                    mine.add(keys.get(i));
                }
            }
            switch (d.outcome()) {
                case SUCCESS -> {
                    store.confirmAll(mine);
                    for (Key k : mine) {
                        int v = (Integer.parseInt(k.externalId().substring(1)) * 2) + (k.version() - 1);
                        model.put(v, Mark.PUBLISHED);
                        published.merge(v, 1, Integer::sum);
                    }
                }
                case FAIL -> mine.forEach(k -> {
                    store.release(k.platform(), k.externalId(), k.version());
                    model.put((Integer.parseInt(k.externalId().substring(1)) * 2) + (k.version() - 1), Mark.ABSENT);
                });
                case CRASH -> { } // the pending mark stays until it expires
            }
        }
        published.forEach((v, n) -> assertTrue(n <= 1, "version " + v + " published " + n + " times: " + deliveries));
        for (int v = 0; v < 6; v++) {
            assertEquals(model.getOrDefault(v, Mark.ABSENT) == Mark.PUBLISHED, store.isPublished(platform, "c" + (v / 2), 1 + v % 2));
        }
    }
}
