package io.earshot.reply.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemVerdict;
import io.earshot.reply.export.QueueExport;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Exports of a filtered queue, its audit trails and the action log, as CSV and JSON Lines, hostile text included. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class ExportTest {

    @Inject
    QueueStore store;

    @Inject
    ObjectMapper mapper;

    private static QueueItem item(String platform, String text, List<String> flags, int priority) {
        String id = "export-" + UUID.randomUUID();
        return Items.item(id, platform, "complaint", "ar", priority, "2026-11-01T10:00:00Z")
                .withComment(c -> c.withText(text))
                .withVerdict(v -> new QueueItemVerdict(v.lang(), v.label(), v.confidence(), v.scores(), flags, v.priority(),
                        v.explanation(), v.topic()));
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        assertTrue(body.startsWith("\uFEFF"), "a byte-order mark, so spreadsheets read UTF-8");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body.substring(1))).getRecords();
    }

    @Test
    void aFilteredQueueAsCsvAndJsonLinesWithHostileTextDefusedAndPersonalDataMasked() throws Exception {
        String platform = Items.platform();
        QueueItem hostile = item(platform, "=HYPERLINK(\"http://evil.example\",\"click\")\nسطر ثانٍ, \"مقتبس\"",
                List.of("question"), 90);
        QueueItem personal = item(platform, "اكتب لي على jane.doe@example.com من فضلك", List.of("question", "pii"), 80);
        QueueItem other = item(platform, "لا سؤال هنا", List.of(), 70);
        for (QueueItem i : List.of(hostile, personal, other)) {
            store.createIfAbsent(i);
        }

        Response response = Staff.supervisor().get("/api/export/queue?format=csv&flag=question&platform=" + platform);
        response.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"earshot-queue-"));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        List<String> header = List.of(body.substring(1, body.indexOf("\r\n")).split(","));
        assertEquals(QueueExport.ITEM_COLUMNS, header);
        List<CSVRecord> rows = csv(body);
        assertEquals(List.of(hostile.id(), personal.id()), rows.stream().map(r -> r.get("id")).toList(),
                "the flagged items only, in queue order (most urgent first)");
        assertEquals("'" + hostile.text(), rows.get(0).get("text"), "a formula is text; the newline and quotes survive");
        assertEquals("question", rows.get(0).get("flags"));
        assertFalse(rows.get(1).get("text").contains("jane.doe@example.com"), rows.get(1).get("text"));
        assertTrue(rows.get(1).get("text").contains("[hidden]"));

        String lines = Staff.supervisor().get("/api/export/queue?format=jsonl&platform=" + platform)
                .then().statusCode(200).contentType(containsString("application/x-ndjson")).extract().asString();
        List<JsonNode> items = new ArrayList<>();
        for (String line : lines.split("\n")) {
            items.add(mapper.readTree(line));
        }
        assertEquals(List.of(hostile.id(), personal.id(), other.id()), items.stream().map(n -> n.get("id").asText()).toList());
        assertEquals(hostile.text(), items.get(0).get("text").asText(), "JSON needs no formula guard");
        assertEquals("pii", items.get(1).get("flags").get(1).asText());
    }

    @Test
    void auditTrailsAndTheActionLog() throws Exception {
        String platform = Items.platform();
        QueueItem claimed = item(platform, "أين طلبي؟", List.of("question"), 60);
        store.createIfAbsent(claimed);
        Staff.as("ana").post("/api/queue/" + claimed.id() + "/claim").then().statusCode(200);

        String audit = new String(Staff.supervisor().get("/api/export/audit?platform=" + platform).then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        List<CSVRecord> entries = csv(audit);
        assertEquals(1, entries.size(), audit);
        assertEquals(claimed.id(), entries.get(0).get("item_id"));
        assertEquals("ana", entries.get(0).get("actor"));
        assertEquals("claimed", entries.get(0).get("to_state"));

        String actions = Staff.supervisor().get("/api/export/actions?format=jsonl").then().statusCode(200).extract().asString();
        JsonNode newest = mapper.readTree(actions.substring(0, actions.indexOf('\n')));
        assertEquals("data_exported", newest.get("action").asText(), "the export itself is the newest action");
        assertEquals("actions", newest.get("subject").asText());
        assertTrue(actions.contains("platform=" + platform), "the audit export was recorded with its filter");
    }

    @Test
    void badRequestsAndRoles() {
        Staff.supervisor().get("/api/export/queue?format=xlsx").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        Staff.supervisor().get("/api/export/queue?flag=nonsense").then().statusCode(400).body("errors[0].field", equalTo("flag"));
        Staff.responder().get("/api/export/queue").then().statusCode(403);
        given().get("/api/export/actions").then().statusCode(401);
    }
}
