package io.earshot.triage.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.testsupport.RedisServerResource;
import io.earshot.triage.redis.RepetitionStore.Post;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repetition counts against a real redis-server: distinct ids, batches, buckets that expire, lost scripts. */
class RepetitionStoreTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> admin;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisServerResource.uri());
        admin = client.connect();
    }

    @AfterAll
    static void close() {
        admin.close();
        client.shutdown();
    }

    /** A clock that moves only when told to. */
    private static final class Hands extends Clock {
        Instant now = Instant.now(); // Redis expires keys by its own clock, so start from the real time

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String text() {
        return "Amazing giveaway today only " + UUID.randomUUID() + " go and see it now";
    }

    @Test
    void distinctPostsAreCountedAndARedeliveryIsNot() {
        RepetitionStore store = new RepetitionStore(client, WINDOW, new Hands());
        String text = text();
        assertEquals(1, store.record(text, "e1"));
        assertEquals(2, store.record(text, "e2"));
        assertEquals(2, store.record(text, "e2"), "the same event again is not a new post");
        assertEquals(3, store.record(text.toUpperCase(), "e3"), "the canonical form is what is compared");
        assertEquals(1, store.record(text(), "e1"), "another text has its own count");
        store.close();
    }

    @Test
    void aBatchIsCountedInOrderAndSeesItsOwnPosts() {
        RepetitionStore store = new RepetitionStore(client, WINDOW, new Hands());
        String a = text();
        String b = text();
        List<Integer> counts = store.record(List.of(new Post(a, "a1"), new Post(b, "b1"), new Post(a, "a2"),
                new Post(a, "a1"), new Post(a, "a3"), new Post(b, "b2")));
        assertEquals(List.of(1, 1, 2, 2, 3, 2), counts);
        // a retry of the whole batch (after a fault) changes nothing
        assertEquals(List.of(3, 2, 3, 3, 3, 2), store.record(List.of(new Post(a, "a1"), new Post(b, "b1"),
                new Post(a, "a2"), new Post(a, "a1"), new Post(a, "a3"), new Post(b, "b2"))));
        assertEquals(List.of(), store.record(List.of()));
        store.close();
    }

    @Test
    void postsOlderThanTheWindowStopCountingAndABucketsExpiryIsNotPushedBack() {
        Hands clock = new Hands();
        RepetitionStore store = new RepetitionStore(client, WINDOW, clock);
        // start on a bucket's first second: from anywhere later in it, half a bucket on is the next bucket and the
        // steps below land one bucket further than they mean to (the test failed whenever the real clock said so)
        long width = store.bucketSeconds();
        clock.now = Instant.ofEpochSecond(clock.now.getEpochSecond() / width * width);
        String text = text();
        String key = RepetitionStore.PREFIX + RepetitionStore.key(text) + ":"
                + clock.now.getEpochSecond() / store.bucketSeconds();
        assertEquals(1, store.record(text, "old-1"));
        RedisCommands<String, String> redis = admin.sync();
        long ttl = redis.ttl(key);
        assertTrue(ttl > 0 && ttl <= WINDOW.toSeconds() + store.bucketSeconds(), "expires with its bucket: " + ttl);

        clock.now = clock.now.plusSeconds(store.bucketSeconds() / 2);
        assertEquals(2, store.record(text, "old-2"));
        assertTrue(redis.ttl(key) <= ttl, "a later post in the same bucket does not postpone its expiry");

        clock.now = clock.now.plus(WINDOW);
        assertEquals(3, store.record(text, "new-1"), "still within the window and its last bucket");
        clock.now = clock.now.plus(Duration.ofSeconds(store.bucketSeconds() * 2));
        assertEquals(2, store.record(text, "new-2"), "the first bucket's posts left the window");
        assertEquals(1, redis.exists(key), "the bucket itself expires in Redis time, independent of this clock");
        store.close();
    }

    @Test
    void scriptsLostByRedisAreLoadedAgain() {
        RepetitionStore store = new RepetitionStore(client, WINDOW, new Hands());
        String text = text();
        assertEquals(1, store.record(text, "s1"));
        admin.sync().scriptFlush();
        assertEquals(2, store.record(text, "s2"));
        store.close();
    }

    @Test
    void theKeyIsSixteenHexDigitsAndStable() {
        String key = RepetitionStore.key("Where is my parcel?");
        assertEquals(16, key.length());
        assertTrue(key.matches("[0-9a-f]{16}"), key);
        assertEquals(key, RepetitionStore.key("Where is my parcel?"));
        assertNotEquals(key, RepetitionStore.key("Where is my order?"));
    }
}
