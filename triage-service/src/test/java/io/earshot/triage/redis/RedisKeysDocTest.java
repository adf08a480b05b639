package io.earshot.triage.redis;

import io.earshot.testsupport.RedisKeysDoc;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/redis-keys.md lists every key family of triage-service's registry, all under {@code earshot:}. */
class RedisKeysDocTest {

    @Test
    void docsListEveryFamily() {
        RedisKeysDoc.assertDocumented("triage-service", Arrays.stream(RedisKeys.values())
                .map(f -> new RedisKeysDoc.Family(f.name(), f.prefix(), f.pattern(), f.wipedByRebuild())).toList());
    }
}
