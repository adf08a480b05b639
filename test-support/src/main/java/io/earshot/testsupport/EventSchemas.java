package io.earshot.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The event contracts of {@code docs/events/}, for contract tests.
 *
 * <p>The schemas live once, at the repository root, and every service proves its own records against them; this
 * class finds them from any module's working directory.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "https://earshot.io/events/";

    private EventSchemas() {
    }

    /** The {@code docs/events} folder of this checkout. */
    public static Path eventsDir() {
        String root = System.getProperty("earshot.repo.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/events above " + start);
    }

    /**
     * Validates a JSON document against {@code docs/events/<event>.schema.json}.
     *
     * @return the violations, empty when the document conforms
     */
    public static List<String> violations(String event, String json) {
        try {
            String local = eventsDir().toUri().toString();
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, local)));
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + event + ".schema.json"));
            JsonNode document = MAPPER.readTree(json);
            Set<ValidationMessage> messages = schema.validate(document);
            return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
