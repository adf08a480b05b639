package io.earshot.reply.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.support.Items;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.reply.support.Staff;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Templates as data, suggestions learned from approved replies, moderation, stats. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(PlatformStubs.class)
class TeamFeaturesTest {

    @Inject
    QueueStore store;

    @Inject
    Drafter drafter;

    @Test
    void anAdminsTemplateIsUsedForNewDraftsAndDeletingItRestoresTheBuiltInOne() {
        Staff.admin().body("{\"text\":\"Grazie mille, {author}! Il team di {brand} ti ringrazia. {signature}\"}")
                .put("/api/templates/it/praise").then().statusCode(200).body("custom", equalTo(true));
        Staff.admin().body("{\"text\":\"Grazie {author}, la consegna è la nostra priorità (caso {case}). {signature}\"}")
                .queryParam("topic", "delivery").put("/api/templates/it/praise").then().statusCode(200);
        Staff.responder().get("/api/templates").then().statusCode(200)
                .body("find { it.lang == 'it' && it.kind == 'praise' && it.topic == null }.custom", equalTo(true));

        QueueItem item = Items.item("t-" + System.nanoTime(), "facebook", "praise", "it", 10, "2026-11-01T10:00:00Z")
                .withComment(cmt -> cmt.withAuthor(new QueueItem.Author("u", "m", "Marco")));
        assertTrue(drafter.draft(item).text().startsWith("Grazie mille, Marco!"), drafter.draft(item).text());
        QueueItem.Draft topical = drafter.draft(item.withVerdict(vrd -> vrd.withTopic("delivery")));
        assertTrue(topical.text().contains("consegna"), topical.text());
        assertEquals("template:it:praise:delivery", topical.source());

        Staff.admin().delete("/api/templates/it/praise").then().statusCode(204);
        Staff.admin().queryParam("topic", "delivery").delete("/api/templates/it/praise").then().statusCode(204);
        assertEquals("template:it:praise", drafter.draft(item).source());
        assertTrue(!drafter.draft(item).text().contains("Il team di"), drafter.draft(item).text());
        Staff.admin().delete("/api/templates/it/praise").then().statusCode(404);
    }

    @Test
    void anApprovedReplyIsSuggestedForASimilarCommentInTheSameLanguage() {
        PlatformStubs.server().stubFor(post(urlEqualTo("/callback")).willReturn(aResponse().withStatus(200).withBody("{}")));
        String reply = "Hi, sorry the zipper broke! Please DM us and we'll send a replacement zipper kit.";
        QueueItem first = Items.complaint("generic").withComment(cmt -> cmt.withText("The zipper on my new jacket broke after two days"));
        store.createIfAbsent(first);
        Staff.as("ana").post("/api/queue/" + first.id() + "/claim").then().statusCode(200);
        long v = store.find(first.id()).orElseThrow().version();
        Staff.as("ana").body("{\"text\":\"" + reply + "\",\"version\":" + v + "}").put("/api/queue/" + first.id() + "/draft").then().statusCode(200);
        Staff.as("ana").post("/api/queue/" + first.id() + "/approve").then().statusCode(200);

        QueueItem similar = Items.complaint("generic").withComment(cmt -> cmt.withText("My jacket zipper broke after a week"));
        store.createIfAbsent(similar);
        Staff.responder().get("/api/queue/" + similar.id()).then().statusCode(200)
                .body("suggestions.reply", hasItem(reply));
        QueueItem otherLanguage = Items.complaint("generic").withVerdict(vrd -> vrd.withLang("es")).withComment(cmt -> cmt.withText("The zipper on my new jacket broke after two days"));
        store.createIfAbsent(otherLanguage);
        Staff.responder().get("/api/queue/" + otherLanguage.id()).then().statusCode(200)
                .body("suggestions.size()", equalTo(0));
    }

    @Test
    void hidingACommentCallsThePlatformAndIsRecordedLikeAReply() {
        QueueItem item = Items.complaint("facebook").withVerdict(vrd -> vrd.withFlags(List.of("abusive"))).withHandling(hdl -> hdl.withSuggestion("hide"));
        store.createIfAbsent(item);
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + item.externalId() + "?is_hidden=true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
        Staff.as("ana").body("{\"reason\":\"abusive\"}").post("/api/queue/" + item.id() + "/hide").then().statusCode(200)
                .body("moderation.status", equalTo("hidden")).body("moderation.by", equalTo("ana")).body("state", equalTo("pending"));
        assertEquals(1, PlatformStubs.server().findAll(postRequestedFor(urlEqualTo("/fb/" + item.externalId() + "?is_hidden=true"))).size());
        Staff.as("ana").post("/api/queue/" + item.id() + "/unhide").then().statusCode(403);
        Staff.responder().queryParam("item", item.id()).get("/api/audit").then().statusCode(200)
                .body("entries.action", hasItem("hidden")).body("entries.find { it.action == 'hidden' }.reason", equalTo("abusive"));
        // a platform that refuses is a 502 and nothing is recorded
        QueueItem other = Items.complaint("facebook");
        store.createIfAbsent(other);
        PlatformStubs.server().stubFor(post(urlEqualTo("/fb/" + other.externalId() + "?is_hidden=true"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"nope\",\"code\":100}}")));
        Staff.as("ana").post("/api/queue/" + other.id() + "/hide").then().statusCode(502);
        assertEquals(1, store.find(other.id()).orElseThrow().version());
    }

    @Test
    void statsCountTheQueueAndResponseTimes() {
        store.createIfAbsent(Items.complaint("generic"));
        Staff.responder().get("/api/stats").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThan(0))
                .body("byState", org.hamcrest.Matchers.notNullValue())
                .body("slaBreaches.open", org.hamcrest.Matchers.greaterThan(0))
                .body("byLabel.complaint", org.hamcrest.Matchers.greaterThan(0));
    }
}
