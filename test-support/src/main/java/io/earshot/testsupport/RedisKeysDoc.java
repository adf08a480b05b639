package io.earshot.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a service's section of docs/redis-keys.md against its key registry: a row per family with its pattern and
 * whether a rebuild wipes it, no row the registry lacks, and every family under {@code earshot:}. One check for the
 * three services, so the docs cannot drift from any of them.
 */
public final class RedisKeysDoc {

    /** What the docs show of a family (test-support does not depend on commons, so the services map to this). */
    public record Family(String name, String prefix, String pattern, boolean wipedByRebuild) {
    }

    private RedisKeysDoc() {
    }

    /** Fails unless the {@code ## <service>} section of docs/redis-keys.md lists exactly {@code families}. */
    public static void assertDocumented(String service, List<Family> families) {
        List<String> section = section(service);
        for (Family family : families) {
            assertTrue(family.prefix().startsWith("earshot:"), family.name() + " is outside the earshot: namespace");
            String row = section.stream().filter(l -> l.startsWith("| `" + family.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/redis-keys.md, " + service + ": no row for " + family.name()));
            String[] cells = row.split(" \\| ");
            assertEquals("`" + family.pattern() + "`", cells[1].strip(), family.name() + "'s pattern in docs/redis-keys.md");
            assertEquals(family.wipedByRebuild() ? "yes" : "no", cells[3].strip(), family.name() + ": rebuild wipes");
        }
        long rows = section.stream().filter(l -> l.startsWith("| `")).count();
        assertEquals(families.size(), rows, "docs/redis-keys.md lists a family the " + service + " registry does not have");
    }

    private static List<String> section(String service) {
        Path repo = Path.of(System.getProperty("earshot.repo.root", ".."));
        List<String> lines;
        try {
            lines = Files.readAllLines(repo.resolve("docs/redis-keys.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("## " + service);
        assertTrue(start >= 0, "docs/redis-keys.md has no section ## " + service);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start, end);
    }
}
