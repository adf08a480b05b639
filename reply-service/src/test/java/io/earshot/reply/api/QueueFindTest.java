package io.earshot.reply.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.ItemSearch;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueFilter;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.RebuildStaging;
import io.earshot.reply.redis.RedisKeys;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/queue} serves the flag filter and the search on the whole queue, with the real Redis. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class QueueFindTest {

    @Inject
    QueueStore store;

    @Inject
    RebuildStaging staging;

    @Inject
    RedisCommands<String, String> redis;

    private static QueueItem item(String id, String platform, String label, int priority, List<String> flags) {
        return Items.item(id, platform, label, "en", priority, "2026-11-01T10:00:00Z").withVerdict(v -> v.withFlags(flags));
    }

    private static QueueItem said(String id, String platform, String text, String handle, String name) {
        return Items.item(id, platform, "complaint", "xx", 50, "2026-11-01T10:00:00Z")
                .withComment(c -> c.withText(text).withAuthor(new QueueItem.Author("a-" + id, handle, name)));
    }

    private static ValidatableResponse get(String platform, String... params) {
        var request = Staff.responder().queryParam("platform", platform);
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i], params[i + 1]);
        }
        return request.when().get("/api/queue").then().statusCode(200);
    }

    @Test
    void flagFilterCombinesWithLabelAndState() {
        String p = Items.platform();
        store.createIfAbsent(item("fq-a-" + p, p, "complaint", 90, List.of("question", "pii")));
        store.createIfAbsent(item("fq-b-" + p, p, "complaint", 80, List.of("spam")));
        store.createIfAbsent(item("fq-c-" + p, p, "praise", 70, List.of("question")));
        store.createIfAbsent(item("fq-d-" + p, p, "complaint", 60, List.of("question")).withState(QueueItem.State.rejected));
        store.createIfAbsent(item("fq-e-" + p, p, "neutral", 50, List.of()));

        get(p, "flag", "question").body("items.id", contains("fq-a-" + p, "fq-c-" + p, "fq-d-" + p));
        get(p, "flag", "question", "label", "complaint").body("items.id", contains("fq-a-" + p, "fq-d-" + p));
        get(p, "flag", "question", "label", "complaint", "state", "pending,claimed").body("items.id", contains("fq-a-" + p));
        get(p, "flag", "pii").body("items.id", contains("fq-a-" + p));
        get(p, "flag", "abusive").body("items", empty());
        // without the platform the flag's own index is the narrowest and still serves
        Staff.responder().queryParam("flag", "spam").queryParam("limit", 100).when().get("/api/queue").then()
                .statusCode(200).body("items.id", hasItem("fq-b-" + p)).body("items.flags", org.hamcrest.Matchers.everyItem(hasItem("spam")));

        // a re-triage took the flag away: the index still lists the item, the check on the item leaves it out
        QueueItem b = store.find("fq-b-" + p).orElseThrow();
        store.put(b.withVerdict(v -> v.withFlags(List.of())));
        get(p, "flag", "spam").body("items", empty());
    }

    @Test
    void pagingThroughAFilteredResultWithCursors() {
        String p = Items.platform();
        List<String> spam = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            boolean flagged = i % 2 == 0;
            String id = "fp-" + i + "-" + p;
            store.createIfAbsent(item(id, p, "neutral", 90 - i, flagged ? List.of("spam") : List.of())
                    .withComment(c -> c.withText((flagged ? "refund please " : "thanks ") + id)));
            if (flagged) {
                spam.add(id);
            }
        }
        assertEquals(spam, pages(p, "flag", "spam"));
        assertEquals(spam, pages(p, "q", "refund "));  // a complete word: its index is scanned
        assertEquals(spam, pages(p, "q", "refu"));     // a word being typed: a bounded scan, same result here
        assertEquals(spam.subList(1, 2), pages(p, "q", "refund " + spam.get(1).substring(0, 6)));
    }

    @Test
    void aWordBeingTypedReadsABoundedPartOfTheQueueAPageAndGoesOnWithTheCursor() {
        String p = Items.platform();
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String id = "fb-" + i + "-" + p;
            boolean match = i % 3 == 2;
            int priority = 90 - i;
            store.createIfAbsent(said(id, p, match ? "Rückerstattung bitte" : "danke", "u" + i, "U").withVerdict(v -> v.withPriority(priority)));
            if (match) {
                wanted.add(id);
            }
        }
        QueueFilter filter = new QueueFilter(null, p, null, null, null, null, ItemSearch.Query.parse("ruckerst"));
        QueueStore.Page first = store.page(filter, null, 2, 2);
        assertEquals(List.of(), first.items());         // two members read, neither matches: short, with a cursor
        List<String> ids = new ArrayList<>();
        String cursor = first.nextCursor();
        for (int page = 0; cursor != null && page < 10; page++) {
            QueueStore.Page next = store.page(filter, cursor, 2, 2);
            next.items().forEach(i -> ids.add(i.id()));
            cursor = next.nextCursor();
        }
        assertEquals(wanted, ids);
        // with a complete word the index answers in one page, whatever the budget
        QueueStore.Page indexed = store.page(new QueueFilter(null, p, null, null, null, null,
                ItemSearch.Query.parse("rückerstattung ")), null, 5, 2);
        assertEquals(wanted, indexed.items().stream().map(QueueItem::id).toList());
        assertNull(indexed.nextCursor());
    }

    /** Every id of a filtered result, read two at a time through the cursors. */
    private List<String> pages(String platform, String key, String value) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = Staff.responder().queryParam("platform", platform).queryParam(key, value).queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var body = request.when().get("/api/queue").then().statusCode(200).extract().jsonPath();
            ids.addAll(body.getList("items.id", String.class));
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("no last page after 10: " + ids);
    }

    @Test
    void searchesRussianArabicAndRomanianWithOrWithoutDiacritics() {
        String p = Items.platform();
        store.createIfAbsent(said("ru-" + p, p, "Заказ пришёл сломанным, верните деньги", "ivan", "Иван Петров"));
        store.createIfAbsent(said("ru2-" + p, p, "Заказ пришёл вовремя, спасибо", "olga", "Ольга"));
        store.createIfAbsent(said("ar-" + p, p, "شُكْرًا على الرد السريع", "ahmad", "أحمد"));
        store.createIfAbsent(said("ro-" + p, p, "Comanda a ajuns spartă, vreau banii înapoi", "stefan", "Ștefan Țăranu"));
        store.createIfAbsent(said("ro2-" + p, p, "Mulțumesc pentru ajutor", "ioana", "Ioana"));

        get(p, "q", "пришел").body("items.id", contains("ru-" + p, "ru2-" + p));
        get(p, "q", "ПРИШЁЛ слома").body("items.id", contains("ru-" + p));
        get(p, "q", "иван").body("items.id", contains("ru-" + p));
        get(p, "q", "شكرا").body("items.id", contains("ar-" + p));
        get(p, "q", "شكـــرا السريع ").body("items.id", contains("ar-" + p));
        get(p, "q", "sparta").body("items.id", contains("ro-" + p));
        get(p, "q", "spartă ÎNAPOI").body("items.id", contains("ro-" + p));
        get(p, "q", "stefan taranu").body("items.id", contains("ro-" + p));
        get(p, "q", "multumesc ").body("items.id", contains("ro2-" + p));
        // the text does not hold every word: not returned
        get(p, "q", "spartă vreau mulțumesc").body("items", empty());
        get(p, "q", "пришел спасибо сломанным").body("items", empty());
        get(p, "q", "заказ").body("items.id", contains("ru-" + p, "ru2-" + p));
    }

    @Test
    void searchesByHandleAndPlatformId() {
        String p = Items.platform();
        store.createIfAbsent(said("h-" + p, p, "no idea", "@maria.popescu", "Maria").withComment(c -> c.withExternalId("yt-Ugx9Zq_" + p)));
        store.createIfAbsent(said("h2-" + p, p, "maria said so", "@dan", "Dan").withComment(c -> c.withExternalId("yt-Other_" + p)));

        get(p, "q", "@maria.popescu").body("items.id", contains("h-" + p));
        get(p, "q", "maria.popescu ").body("items.id", contains("h-" + p));
        get(p, "q", "maria").body("items.id", contains("h-" + p, "h2-" + p));
        get(p, "q", "yt-ugx9zq_" + p).body("items.id", contains("h-" + p));
        get(p, "q", "YT-UGX9ZQ_" + p + " ").body("items.id", contains("h-" + p));
        get(p, "q", "h2-" + p).body("items.id", contains("h2-" + p)); // the item id too
        get(p, "q", "yt-nothing-like-it ").body("items", empty());
    }

    @Test
    void theCreateAndTheRebuildWriteTheFlagAndWordIndexes() {
        String p = Items.platform();
        QueueItem item = said("ix-" + p, p, "Crème brûlée froide", "chef", "Chef").withVerdict(v -> v.withFlags(List.of("question")));
        store.createIfAbsent(item);
        String flag = RedisKeys.QUEUE_FLAG.key("question");
        String word = RedisKeys.QUEUE_WORD.key("brulee");
        assertTrue(redis.zrangebylex(word, Range.unbounded()).stream().anyMatch(m -> m.endsWith("|ix-" + p)), word);
        assertTrue(redis.zrangebylex(flag, Range.unbounded()).stream().anyMatch(m -> m.endsWith("|ix-" + p)), flag);

        String view = RedisKeys.REBUILD_STAGING.prefix() + "view:";
        try {
            staging.stage(item, List.of(), null, null);
            assertEquals(1, redis.zcard(view + word));
            assertEquals(1, redis.zcard(view + flag));
            assertEquals(1, redis.zcard(view + RedisKeys.QUEUE_WORD.key("froide")));
        } finally {
            staging.clear();
        }
        assertNull(redis.get(view + RedisKeys.ITEM.key("ix-" + p)));
    }

    @Test
    void badFlagAndLongQueryAreNamedProblems() {
        Staff.responder().queryParam("flag", "urgent").when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("flag"));
        Staff.responder().queryParam("q", "x".repeat(201)).when().get("/api/queue").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        Staff.responder().queryParam("q", "x".repeat(200)).when().get("/api/queue").then().statusCode(200)
                .body("items", empty()).body("nextCursor", nullValue());
    }
}
