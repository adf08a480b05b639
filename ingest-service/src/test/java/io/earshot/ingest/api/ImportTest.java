package io.earshot.ingest.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bulk import: per-line results, bad lines never stop good ones, JSON Lines and CSV. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class ImportTest {

    private static Ingested ingested;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
    }

    @AfterAll
    static void close() {
        ingested.close();
    }

    private static String line(String id, String text) {
        return "{\"platform\":\"generic\",\"externalId\":\"" + id + "\",\"threadId\":\"t-1\",\"author\":{\"id\":\"a-1\"},"
                + "\"text\":\"" + text + "\",\"createdAt\":\"2026-11-01T10:00:00Z\"}";
    }

    @Test
    void jsonLinesReportEachLineAndBadLinesDoNotStopGoodOnes() throws Exception {
        String run = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(Api.utf8(line("i1-" + run, "first") + "\n"));
        body.write(Api.utf8("{not json\n"));
        body.write(Api.utf8(line("i1-" + run, "first") + "\n"));
        body.write(Api.utf8("\n"));
        body.write(Api.utf8("{\"platform\":\"generic\",\"threadId\":\"t\",\"author\":{\"id\":\"a\"},\"text\":\"x\",\"createdAt\":\"2026-11-01T10:00:00Z\"}\n"));
        byte[] bad = Api.utf8(line("i3-" + run, "XX") + "\n");
        String s = new String(bad, java.nio.charset.StandardCharsets.ISO_8859_1);
        bad[s.indexOf("XX")] = (byte) 0xFF;
        body.write(bad);
        body.write(Api.utf8(line("i2-" + run, "second")));
        Api.authorized().contentType("application/x-ndjson").body(body.toByteArray())
                .when().post("/api/import")
                .then().statusCode(200)
                .body("summary.lines", equalTo(6)).body("summary.accepted", equalTo(2))
                .body("summary.duplicate", equalTo(1)).body("summary.rejected", equalTo(3))
                .body("lines[0].line", equalTo(1)).body("lines[0].status", equalTo("accepted"))
                .body("lines[1].line", equalTo(2)).body("lines[1].status", equalTo("rejected"))
                .body("lines[1].reason", containsString("JSON"))
                .body("lines[2].status", equalTo("duplicate"))
                .body("lines[3].line", equalTo(5)).body("lines[3].reason", containsString("externalId"))
                .body("lines[4].reason", containsString("UTF-8"))
                .body("lines[5].line", equalTo(7)).body("lines[5].status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("generic", "i2-" + run).size() == 1);
        assertEquals(1, ingested.of("generic", "i1-" + run).size());
    }

    @Test
    void csvWithQuotedLineBreaksAndAWrongTypeIsReportedPerRecord() {
        String run = UUID.randomUUID().toString();
        String csv = "platform,externalId,threadId,authorId,authorDisplayName,authorFollowers,text,createdAt,lang\r\n"
                + "generic,c1-" + run + ",t-9,u1,\"Doe, Jane\",12,\"Line one\nline \"\"two\"\"\",2026-11-01T10:00:00Z,en\r\n"
                + "generic,c2-" + run + ",t-9,u2,Ana,many,hello,2026-11-01T10:00:00Z,es\r\n"
                + "generic,c3-" + run + ",t-9,u3,Ion,3,salut,2026-11-01T10:00:00Z\r\n"
                + "generic,c4-" + run + ",t-9,u4,Ion,3,bună,2026-11-01T10:00:00Z,ro\r\n";
        Api.authorized().contentType("text/csv").body(Api.utf8(csv))
                .when().post("/api/import")
                .then().statusCode(200)
                .body("summary.accepted", equalTo(2)).body("summary.rejected", equalTo(2))
                .body("lines[0].line", equalTo(2)).body("lines[0].status", equalTo("accepted"))
                .body("lines[1].line", equalTo(4)).body("lines[1].reason", containsString("author.followers"))
                .body("lines[2].reason", containsString("fields"))
                .body("lines[3].status", equalTo("accepted"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("generic", "c1-" + run).size() == 1);
        var event = ingested.of("generic", "c1-" + run).get(0);
        assertEquals("Line one\nline \"two\"", event.get("text").asText());
        assertEquals("Doe, Jane", event.get("author").get("displayName").asText());
        assertEquals(12, event.get("author").get("followers").asInt());
        assertEquals("bună", ingested.of("generic", "c4-" + run).stream().findFirst().map(n -> n.get("text").asText()).orElseGet(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("generic", "c4-" + run).size() == 1);
            return ingested.of("generic", "c4-" + run).get(0).get("text").asText();
        }));
    }

    @Test
    void aCsvWithoutTheRequiredColumnsIsA400AndOtherTypesA415() {
        Api.authorized().contentType("text/csv").body(Api.utf8("platform,text\ngeneric,hi\n"))
                .when().post("/api/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("header"));
        Api.authorized().contentType("application/xml").body(Api.utf8("<a/>"))
                .when().post("/api/import")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
