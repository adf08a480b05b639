package io.earshot.ingest.redis;

import io.earshot.testsupport.RedisKeysDoc;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/redis-keys.md lists every key family of ingest-service's registry, all under {@code earshot:}. */
class RedisKeysDocTest {

    @Test
    void docsListEveryFamily() {
        RedisKeysDoc.assertDocumented("ingest-service", Arrays.stream(RedisKeys.values())
                .map(f -> new RedisKeysDoc.Family(f.name(), f.prefix(), f.pattern(), f.wipedByRebuild())).toList());
    }
}
