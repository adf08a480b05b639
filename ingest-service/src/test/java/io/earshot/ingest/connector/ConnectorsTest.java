package io.earshot.ingest.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.ingest.api.MetaWebhookTestAccess;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.messaging.Topics;
import io.earshot.ingest.redis.CursorStore;
import io.earshot.ingest.support.Api;
import io.earshot.ingest.support.Ingested;
import io.earshot.ingest.support.WireMockResource;
import io.earshot.testsupport.EventSchemas;
import io.earshot.testsupport.KafkaBrokerResource;
import io.earshot.testsupport.RedisServerResource;
import io.earshot.testsupport.TopicReader;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pollers and Meta reconciliation against WireMock stubs shaped as the platforms document their answers:
 * paging, cursors, held-for-review comments, quota, rate limits (429 and headers), and expired tokens.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(RedisServerResource.class)
@QuarkusTestResource(WireMockResource.class)
class ConnectorsTest {

    private static Ingested ingested;
    private static TopicReader statuses;
    private static final WireMockServer MOCK = WireMockResource.server();

    @Inject
    IngestConfig config;

    @Inject
    YouTubePoller youtube;

    @Inject
    MastodonPoller mastodon;

    @Inject
    XPoller x;

    @Inject
    MetaReconciler reconciler;

    @Inject
    @io.quarkus.arc.All
    java.util.List<Poller> pollers;

    @Inject
    CursorStore cursors;

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    MeterRegistry metrics;

    @BeforeAll
    static void open() {
        ingested = new Ingested();
        statuses = new TopicReader(Topics.CONNECTOR_STATUS);
    }

    @AfterAll
    static void close() {
        ingested.close();
        statuses.close();
    }

    private static String ytThread(String id, String videoId, String text, String publishedAt, String replies) {
        return """
                {"kind":"youtube#commentThread","etag":"e-%1$s","id":"%1$s","snippet":{"channelId":"UCbrand","videoId":"%2$s",
                 "canReply":true,"totalReplyCount":%5$s,"isPublic":true,"topLevelComment":{"kind":"youtube#comment","etag":"x",
                 "id":"%1$s","snippet":{"channelId":"UCbrand","videoId":"%2$s","textDisplay":"%3$s","textOriginal":"%3$s",
                 "authorDisplayName":"@jane","authorProfileImageUrl":"https://yt3.ggpht.com/a.jpg",
                 "authorChannelUrl":"http://www.youtube.com/@jane","authorChannelId":{"value":"UCjane"},"canRate":true,
                 "viewerRating":"none","likeCount":3,"publishedAt":"%4$s","updatedAt":"%4$s"}}}%6$s}"""
                .formatted(id, videoId, text, publishedAt, replies.isEmpty() ? "0" : "1", replies);
    }

    @Test
    void youtubePagesUntilTheLastSeenCommentAndCountsQuota() {
        String reply = """
                ,"replies":{"comments":[{"kind":"youtube#comment","id":"UgyA.r1","snippet":{"channelId":"UCbrand",
                 "videoId":"vid1","textDisplay":"me too","textOriginal":"me too","parentId":"UgyA","authorDisplayName":"@ana",
                 "authorChannelId":{"value":"UCana"},"likeCount":0,"publishedAt":"2026-11-01T10:05:00Z","updatedAt":"2026-11-01T10:05:00Z"}}]}""";
        MOCK.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads")).withQueryParam("moderationStatus", equalTo("published"))
                .withQueryParam("pageToken", absent()).withHeader("Authorization", equalTo("Bearer yt-token"))
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"nextPageToken\":\"QURTSl\",\"pageInfo\":"
                        + "{\"totalResults\":2,\"resultsPerPage\":2},\"items\":[" + ytThread("UgyB", "vid1", "Where is my refund?",
                        "2026-11-01T11:00:00Z", "") + "," + ytThread("UgyA", "vid1", "Great video", "2026-11-01T10:00:00Z", reply) + "]}")));
        MOCK.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads")).withQueryParam("moderationStatus", equalTo("published"))
                .withQueryParam("pageToken", equalTo("QURTSl"))
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"items\":["
                        + ytThread("Ugy9", "vid0", "Old one", "2026-10-30T10:00:00Z", "") + "]}")));
        cursors.reset("youtube", "UCbrand:published");
        long quotaBefore = cursors.quotaUsed("youtube");

        PollResult first = youtube.poll(config.youtube().channels().get("main"), "published");
        assertEquals(4, first.read());
        assertTrue(first.cursorAdvanced());
        assertNull(first.stop());
        assertEquals(quotaBefore + 2, cursors.quotaUsed("youtube"), "one unit per list call");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("youtube", "UgyA.r1").size() == 1);
        JsonNode replyEvent = ingested.of("youtube", "UgyA.r1").get(0);
        assertEquals("UgyA", replyEvent.get("parentId").asText());
        assertEquals("vid1", replyEvent.get("threadId").asText());
        assertEquals("https://www.youtube.com/watch?v=vid1&lc=UgyA.r1", replyEvent.get("permalink").asText());
        assertEquals(List.of(), EventSchemas.violations("comments.ingested", replyEvent.toString()));

        // a new thread arrived: the next poll reads page one only and stops at the last seen comment
        MOCK.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads")).withQueryParam("moderationStatus", equalTo("published"))
                .withQueryParam("pageToken", absent())
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"nextPageToken\":\"QURTSl\",\"items\":["
                        + ytThread("UgyC", "vid2", "New!", "2026-11-02T09:00:00Z", "") + ","
                        + ytThread("UgyB", "vid1", "Where is my refund?", "2026-11-01T11:00:00Z", "") + "]}")));
        int pageTwoCalls = MOCK.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("pageToken", equalTo("QURTSl"))).size();
        PollResult second = youtube.poll(config.youtube().channels().get("main"), "published");
        assertEquals(1, second.read());
        assertEquals(1, second.accepted());
        assertEquals(pageTwoCalls, MOCK.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))
                .withQueryParam("pageToken", equalTo("QURTSl"))).size(), "page two is not read again");
    }

    @Test
    void youtubeHeldForReviewCarriesTheStatusAndTheQuotaStopsPolling() {
        MOCK.stubFor(get(urlPathEqualTo("/youtube/v3/commentThreads")).withQueryParam("moderationStatus", equalTo("heldForReview"))
                .willReturn(okJson("{\"kind\":\"youtube#commentThreadListResponse\",\"items\":["
                        + ytThread("UgyH", "vid1", "buy followers at spam dot com", "2026-11-01T12:00:00Z", "")
                                .replace("\"likeCount\":3", "\"likeCount\":0,\"moderationStatus\":\"heldForReview\"") + "]}")));
        cursors.reset("youtube", "UCbrand:heldForReview");
        youtube.poll(config.youtube().channels().get("main"), "heldForReview");
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("youtube", "UgyH").size() == 1);
        assertEquals("heldForReview", ingested.of("youtube", "UgyH").get(0).get("moderationStatus").asText());

        String quotaKey = "earshot:ingest:quota:youtube:" + LocalDate.now(ZoneId.of("America/Los_Angeles"));
        String before = redis.get(quotaKey);
        redis.set(quotaKey, Integer.toString(config.youtube().dailyQuota()));
        try {
            int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))).size();
            PollResult spent = youtube.poll(config.youtube().channels().get("main"), "likelySpam");
            assertEquals("quota", spent.stop());
            assertFalse(spent.cursorAdvanced());
            assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo("/youtube/v3/commentThreads"))).size(),
                    "no call once the quota is spent");
        } finally {
            redis.set(quotaKey, before == null ? "0" : before);
        }
    }

    private static String mention(String id, String statusId, String html, String visibility) {
        return """
                {"id":"%s","type":"mention","created_at":"2026-11-01T10:00:00.000Z","account":{"id":"1091","username":"jane",
                 "acct":"jane@example.social","display_name":"Jane","followers_count":12,"url":"https://example.social/@jane"},
                 "status":{"id":"%s","created_at":"2026-11-01T10:00:00.000Z","in_reply_to_id":"1000","in_reply_to_account_id":"7",
                 "sensitive":false,"spoiler_text":"","visibility":"%s","language":"en","uri":"https://example.social/users/jane/statuses/%2$s",
                 "url":"https://example.social/@jane/%2$s","content":"%s"}}""".formatted(id, statusId, visibility, html);
    }

    @Test
    void mastodonFollowsTheLinkHeaderTurnsHtmlIntoTextAndObeysRateLimits() {
        String reset = Instant.now().plusSeconds(300).toString();
        String html = "<p><span class=\\\"h-card\\\"><a href=\\\"https://brand.social/@brand\\\" class=\\\"u-url mention\\\">@<span>brand</span></a></span>"
                + " the app crashes &amp; I lost my data<br />help?</p>";
        MOCK.stubFor(get(urlPathEqualTo("/mastodon/api/v1/notifications")).withQueryParam("max_id", absent())
                .withQueryParam("since_id", absent()).withHeader("Authorization", equalTo("Bearer md-token"))
                .willReturn(okJson("[" + mention("110", "5110", html, "public") + "," + mention("109", "5109", "<p>hi</p>", "unlisted") + "]")
                        .withHeader("Link", "<" + MOCK.baseUrl() + "/mastodon/api/v1/notifications?max_id=109&types[]=mention>; rel=\"next\", <"
                                + MOCK.baseUrl() + "/mastodon/api/v1/notifications?min_id=110&types[]=mention>; rel=\"prev\"")
                        .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "250")
                        .withHeader("X-RateLimit-Reset", reset)));
        MOCK.stubFor(get(urlPathEqualTo("/mastodon/api/v1/notifications")).withQueryParam("max_id", equalTo("109"))
                .willReturn(okJson("[" + mention("105", "5105", "<p>older</p>", "public") + "]")
                        .withHeader("X-RateLimit-Remaining", "249").withHeader("X-RateLimit-Reset", reset)));
        cursors.reset("mastodon", "brand");

        PollResult first = mastodon.poll("brand", config.mastodon().accounts().get("brand"));
        assertEquals(3, first.read());
        assertTrue(first.cursorAdvanced());
        assertEquals("110", cursors.get("mastodon", "brand").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("mastodon", "5110").size() == 1);
        JsonNode event = ingested.of("mastodon", "5110").get(0);
        assertEquals("@brand the app crashes & I lost my data\nhelp?", event.get("text").asText());
        assertEquals("public", event.get("context").get("visibility").asText());
        assertEquals(12, event.get("author").get("followers").asInt());
        assertEquals("1000", event.get("threadId").asText());

        // nearly out of requests: read what arrived, stop paging, wait for the reset, keep the cursor
        MOCK.stubFor(get(urlPathEqualTo("/mastodon/api/v1/notifications")).withQueryParam("since_id", equalTo("110"))
                .willReturn(okJson("[" + mention("112", "5112", "<p>again</p>", "public") + "]")
                        .withHeader("Link", "<" + MOCK.baseUrl() + "/mastodon/api/v1/notifications?max_id=112&types[]=mention>; rel=\"next\"")
                        .withHeader("X-RateLimit-Remaining", "2").withHeader("X-RateLimit-Reset", reset)));
        PollResult limited = mastodon.poll("brand", config.mastodon().accounts().get("brand"));
        assertEquals("rate_limited", limited.stop());
        assertFalse(limited.cursorAdvanced());
        assertEquals("110", cursors.get("mastodon", "brand").orElseThrow());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo("/mastodon/api/v1/notifications"))).size();
        assertEquals("rate_limited", mastodon.poll("brand", config.mastodon().accounts().get("brand")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo("/mastodon/api/v1/notifications"))).size(),
                "no call before X-RateLimit-Reset");
    }

    @Test
    void anExpiredTokenTurnsHealthToAWarningAndPublishesConnectorStatus() {
        MOCK.stubFor(get(urlPathMatching("/mastodon-expired/api/v1/notifications.*"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"The access token was revoked\"}")));
        PollResult result = mastodon.poll("expired", config.mastodon().accounts().get("expired"));
        assertEquals("token", result.stop());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'connectors' }.data.status", org.hamcrest.Matchers.equalTo("WARNING"))
                .body("checks.find { it.name == 'connectors' }.data.'mastodon:expired'", org.hamcrest.Matchers.startsWith("token_expired"));
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.poll().stream()
                .anyMatch(r -> r.value().contains("\"connector\":\"mastodon:expired\"") && r.value().contains("token_expired")));
        var record = statuses.poll().stream().filter(r -> r.value().contains("mastodon:expired")).findFirst().orElseThrow();
        assertEquals("mastodon:expired", record.key());
        assertEquals(List.of(), EventSchemas.violations("connector.status", record.value()));
        assertFalse(record.value().contains("revoked-token"), "the token itself is never published");
        // a second failure is no news: one event per change
        mastodon.poll("expired", config.mastodon().accounts().get("expired"));
        assertEquals(1, statuses.poll().stream().filter(r -> r.value().contains("mastodon:expired")).count());
    }

    @Test
    void xReadsMentionsWithAuthorsSkipsItsOwnAndWaitsForTheResetOn429() {
        MOCK.stubFor(get(urlPathEqualTo("/x/2/users/999/mentions")).withQueryParam("since_id", absent())
                .withQueryParam("pagination_token", absent()).withHeader("Authorization", equalTo("Bearer x-token"))
                .willReturn(okJson("""
                        {"data":[{"id":"13017","text":"@brand my parcel &amp; invoice are missing","author_id":"123",
                          "conversation_id":"13010","created_at":"2026-01-15T10:30:00.000Z","lang":"en",
                          "referenced_tweets":[{"type":"replied_to","id":"13010"}],"in_reply_to_user_id":"999"},
                         {"id":"13016","text":"@brand thanks!","author_id":"999","conversation_id":"13016",
                          "created_at":"2026-01-15T10:20:00.000Z"}],
                         "includes":{"users":[{"id":"123","username":"jane","name":"Jane","public_metrics":{"followers_count":40}},
                          {"id":"999","username":"brand","name":"Brand"}]},
                         "meta":{"newest_id":"13017","oldest_id":"13016","result_count":2,"next_token":"t3b"}}""")));
        MOCK.stubFor(get(urlPathEqualTo("/x/2/users/999/mentions")).withQueryParam("pagination_token", equalTo("t3b"))
                .willReturn(okJson("""
                        {"data":[{"id":"13015","text":"Hey @brand","author_id":"124","conversation_id":"13015",
                          "created_at":"2026-01-15T10:10:00.000Z"}],"includes":{"users":[{"id":"124","username":"omar","name":"Omar"}]},
                         "meta":{"newest_id":"13015","oldest_id":"13015","result_count":1}}""")));
        cursors.reset("x", "brand");
        PollResult first = x.poll("brand", config.x().accounts().get("brand"));
        assertEquals(2, first.read(), "the brand's own post is not a mention to answer");
        assertEquals("13017", cursors.get("x", "brand").orElseThrow());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("x", "13017").size() == 1);
        JsonNode event = ingested.of("x", "13017").get(0);
        assertEquals("@brand my parcel & invoice are missing", event.get("text").asText());
        assertEquals("13010", event.get("threadId").asText());
        assertEquals("13010", event.get("parentId").asText());
        assertEquals("jane", event.get("author").get("handle").asText());
        assertEquals(40, event.get("author").get("followers").asInt());
        assertTrue(ingested.of("x", "13016").isEmpty());

        long reset = Instant.now().plusSeconds(120).getEpochSecond();
        MOCK.stubFor(get(urlPathEqualTo("/x/2/users/999/mentions")).withQueryParam("since_id", equalTo("13017"))
                .willReturn(aResponse().withStatus(429).withHeader("x-rate-limit-limit", "450")
                        .withHeader("x-rate-limit-remaining", "0").withHeader("x-rate-limit-reset", Long.toString(reset))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}")));
        assertEquals("rate_limited", x.poll("brand", config.x().accounts().get("brand")).stop());
        int calls = MOCK.findAll(getRequestedFor(urlPathEqualTo("/x/2/users/999/mentions"))).size();
        assertEquals("rate_limited", x.poll("brand", config.x().accounts().get("brand")).stop());
        assertEquals(calls, MOCK.findAll(getRequestedFor(urlPathEqualTo("/x/2/users/999/mentions"))).size(),
                "no call before x-rate-limit-reset");
        assertEquals("13017", cursors.get("x", "brand").orElseThrow());
    }

    @Test
    void metaReconciliationPublishesWhatTheWebhookMissedAndCountsIt() {
        String delivered = "PAGE1_POST9_1";
        Api.meta(Api.utf8(MetaWebhookTestAccess.delivery(MetaWebhookTestAccess.feedChange("add", "PAGE1_POST9", delivered, "U1", "first"))))
                .when().post("/webhooks/meta").then().statusCode(200);
        MOCK.stubFor(get(urlPathEqualTo("/graph/PAGE1/posts")).withHeader("Authorization", equalTo("Bearer page-token"))
                .willReturn(okJson("{\"data\":[{\"id\":\"PAGE1_POST9\",\"created_time\":\"2026-11-01T09:00:00+0000\"}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"a\",\"after\":\"b\"}}}")));
        MOCK.stubFor(get(urlPathEqualTo("/graph/PAGE1_POST9/comments"))
                .willReturn(okJson("""
                        {"data":[
                          {"id":"PAGE1_POST9_1","message":"first","from":{"id":"U1","name":"Jane"},"created_time":"2026-11-01T10:00:00+0000"},
                          {"id":"PAGE1_POST9_2","message":"the webhook never told you about me","from":{"id":"U2","name":"Ana"},
                           "created_time":"2026-11-01T10:01:00+0000","parent":{"id":"PAGE1_POST9_1"}},
                          {"id":"PAGE1_POST9_3","message":"Thanks Ana!","from":{"id":"PAGE1","name":"Shop"},"created_time":"2026-11-01T10:02:00+0000"}
                        ],"paging":{"cursors":{"before":"x","after":"y"}}}""")));
        double before = metrics.counter("earshot.ingest.meta.reconciled", "platform", "facebook", "account", "PAGE1").count();

        PollResult result = reconciler.reconcile("shop-page", config.meta().accounts().get("shop-page"));
        assertEquals(2, result.read());
        assertEquals(1, result.accepted());
        assertEquals(1, result.duplicates());
        assertEquals(before + 1, metrics.counter("earshot.ingest.meta.reconciled", "platform", "facebook", "account", "PAGE1").count());
        await().atMost(Duration.ofSeconds(10)).until(() -> ingested.of("facebook", "PAGE1_POST9_2").size() == 1);
        JsonNode event = ingested.of("facebook", "PAGE1_POST9_2").get(0);
        assertEquals("PAGE1_POST9_1", event.get("parentId").asText());
        assertEquals("reconciliation", event.get("context").get("source").asText());
        assertEquals(1, ingested.of("facebook", delivered).size(), "what the webhook delivered is not published twice");
    }

    @Test
    void graphError190MarksTheTokenExpired() {
        MOCK.stubFor(get(urlPathEqualTo("/graph/IGACC1/media")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token: Session has expired on Sunday, 01-Nov-26.\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"AbC\"}}")));
        PollResult result = reconciler.reconcile("shop-ig", config.meta().accounts().get("shop-ig"));
        assertEquals("token", result.stop());
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses.poll().stream()
                .anyMatch(r -> r.value().contains("\"connector\":\"instagram:IGACC1\"") && r.value().contains("token_expired")));
    }

    @Test
    void theSchedulerFindsEveryPollerThroughCdi() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        pollers.forEach(p -> names.add(p.name()));
        assertTrue(names.containsAll(java.util.Set.of("youtube", "mastodon", "x", "google", "trustpilot", "reddit",
                "reddit-search", "bluesky", "meta-reconcile")), names.toString());
        assertTrue(pollers.stream().filter(p -> p.name().equals("youtube")).allMatch(Poller::enabled));
    }
}
