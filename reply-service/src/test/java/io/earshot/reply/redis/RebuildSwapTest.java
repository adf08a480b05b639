package io.earshot.reply.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The rebuild's swap is all or nothing: a reader polling the queue while it runs sees the old view or the new one,
 * never a moment with neither (the wipe done, the renames not yet) nor a mix of both.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class RebuildSwapTest {

    private static final int KEYS = 20_000;

    @Inject
    RebuildStaging staging;

    @Inject
    RedisCommands<String, String> redis;

    @Test
    void aReaderSeesTheOldQueueOrTheNewOneNeverAMix() throws Exception {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            keys.put(RedisKeys.ITEM.key("swap-old-" + i), "{}");
            keys.put(RebuildStaging.staged(RedisKeys.ITEM.key("swap-new-" + i)), "{}");
        }
        redis.mset(keys);
        redis.set(RebuildStaging.COMMENT + "swap-scratch", "{}");
        String oldKey = RedisKeys.ITEM.key("swap-old-0");
        String newKey = RedisKeys.ITEM.key("swap-new-" + (KEYS - 1));

        RedisClient client = RedisClient.create(RedisServerResource.uri());
        try (StatefulRedisConnection<String, String> reader = client.connect()) {
            AtomicBoolean swapped = new AtomicBoolean();
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
                List<String> states = new ArrayList<>();
                while (!swapped.get()) {
                    List<KeyValue<String, String>> both = reader.sync().mget(oldKey, newKey);
                    String state = (both.get(0).hasValue() ? "old" : "-") + "/" + (both.get(1).hasValue() ? "new" : "-");
                    if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                        states.add(state);
                    }
                }
                return states;
            });
            long moved;
            try {
                moved = staging.swap();
            } finally {
                swapped.set(true);
            }
            List<String> states = seen.get();
            assertTrue(moved >= KEYS, "moved " + moved);
            assertTrue(states.stream().allMatch(s -> s.equals("old/-") || s.equals("-/new")), "states seen: " + states);
        } finally {
            client.shutdown();
        }
        assertNull(redis.get(oldKey), "the old view is gone");
        assertNotNull(redis.get(newKey), "the staged view is live");
        assertEquals(0, redis.exists(RebuildStaging.staged(newKey), RebuildStaging.COMMENT + "swap-scratch"),
                "nothing is left staged");
    }
}
