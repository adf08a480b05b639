package io.earshot.ingest.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/redis-keys.md lists every key family of the registry, with its pattern and whether a rebuild wipes it, and
 * every family lives under {@code earshot:}: the registry is the one list, so the docs cannot drift from it.
 */
class RedisKeysDocTest {

    static final String SERVICE = "ingest-service";

    @Test
    void docsListEveryFamily() throws IOException {
        Path repo = Path.of(System.getProperty("earshot.repo.root", ".."));
        List<String> lines = Files.readAllLines(repo.resolve("docs/redis-keys.md"));
        int start = lines.indexOf("## " + SERVICE);
        assertTrue(start >= 0, "docs/redis-keys.md has no section ## " + SERVICE);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        List<String> section = lines.subList(start, end);
        for (RedisKeys family : RedisKeys.values()) {
            assertTrue(family.prefix().startsWith("earshot:"), family + " is outside the earshot: namespace");
            String row = section.stream().filter(l -> l.startsWith("| `" + family.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/redis-keys.md, " + SERVICE + ": no row for " + family));
            String[] cells = row.split(" \\| ");
            assertEquals("`" + family.pattern() + "`", cells[1].strip(), family + "'s pattern in docs/redis-keys.md");
            assertEquals(family.wipedByRebuild() ? "yes" : "no", cells[3].strip(), family + ": rebuild wipes");
        }
        long rows = section.stream().filter(l -> l.startsWith("| `")).count();
        assertEquals(RedisKeys.values().length, rows, "docs/redis-keys.md lists a family the registry does not have");
    }
}
