package io.earshot.reply.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.commons.oauth.OAuthClient;
import io.earshot.commons.oauth.RedisTokenStore;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.reply.config.BlueskyPublishConfig;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.health.PlatformTokensCheck;
import io.earshot.reply.platform.PlatformConnector.Done;
import io.earshot.reply.support.PlatformStubs;
import io.earshot.testsupport.RedisServerResource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * reply-service's Threads publisher with its long-lived token, wired as {@link Connectors} wires it, on a real Redis
 * and WireMock answering as Meta documents {@code GET /refresh_access_token?grant_type=th_refresh_token}: the token
 * ingest-service renewed is read from Redis and used for the reply, without renewing again; a refused renewal keeps
 * the old token in use and shows in the platform-tokens health check.
 */
class ThreadsTokenTest {

    private static final WireMockServer MOCK = PlatformStubs.server();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/threads-token/v1.0";
    private static final String RENEW = "/threads-token/refresh_access_token";
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(RedisServerResource.uri());
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    private static Connectors connectors(String token) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PublishConfig.class).withMapping(TokenRenewalConfig.class)
                .withMapping(BlueskyPublishConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "earshot.reply.publish.threads.base-url", MOCK.baseUrl() + API,
                        "earshot.reply.publish.threads.token", token,
                        "earshot.reply.publish.threads.account-id", "1789brand",
                        "earshot.reply.oauth.threads.token-url", MOCK.baseUrl() + RENEW,
                        "earshot.reply.oauth.threads.token-expires-at", Instant.now().plus(Duration.ofDays(3)).toString()),
                        "test", 500))
                .build();
        return new Connectors(JSON, config.getConfigMapping(PublishConfig.class), config.getConfigMapping(TokenRenewalConfig.class),
                redis, new SimpleMeterRegistry(), config.getConfigMapping(BlueskyPublishConfig.class));
    }

    private static void publishesWith(String token, String replyTo, String id) {
        MOCK.stubFor(post(urlPathEqualTo(API + "/1789brand/threads")).withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("reply_to_id=" + replyTo))
                .willReturn(okJson("{\"id\":\"c-" + id + "\"}")));
        MOCK.stubFor(post(urlPathEqualTo(API + "/1789brand/threads_publish")).withHeader("Authorization", equalTo("Bearer " + token))
                .withRequestBody(equalTo("creation_id=c-" + id)).willReturn(okJson("{\"id\":\"" + id + "\"}")));
    }

    private static ApprovedReply reply(String inReplyTo) {
        return new ApprovedReply("item-" + inReplyTo, "threads", inReplyTo, null, inReplyTo, "Gracias, lo revisamos.",
                "key-" + inReplyTo, "ana", "comment-" + inReplyTo);
    }

    private static int renewals(String token) {
        return MOCK.findAll(getRequestedFor(urlPathEqualTo(RENEW)).withQueryParam("access_token", equalTo(token))).size();
    }

    @Test
    void theTokenIngestRenewedIsReadFromRedisAndUsedWithoutRenewingAgain() {
        MOCK.stubFor(get(urlPathEqualTo(RENEW)).withQueryParam("grant_type", equalTo("th_refresh_token"))
                .withQueryParam("access_token", equalTo("th-shared"))
                .willReturn(okJson("{\"access_token\":\"th-shared-2\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        // ingest-service's side: the same long-lived token, near its expiry, renewed and shared through Redis
        TokenRefresher ingest = new TokenRefresher(Optional.of("th-shared"), Optional.of(Instant.now().plus(Duration.ofDays(3))),
                OAuthClient.threads("threads:brand", Optional.of(MOCK.baseUrl() + RENEW), Optional.of("th-shared"), true),
                new RedisTokenStore(redis), Duration.ofSeconds(5), Duration.ofDays(7), Clock.systemUTC());
        assertEquals("th-shared-2", ingest.current().orElseThrow());
        publishesWith("th-shared-2", "18001", "18101");

        Connectors connectors = connectors("th-shared");
        assertEquals(new Done("18101"), connectors.of("threads").orElseThrow().send(reply("18001")));
        assertEquals(1, renewals("th-shared"), "reply-service read the renewed token instead of renewing");
        assertEquals(0, MOCK.findAll(postRequestedFor(urlPathEqualTo(API + "/1789brand/threads"))
                .withHeader("Authorization", equalTo("Bearer th-shared"))).size(), "the old token is not used");
        assertTrue(connectors.tokenExpiries().get("threads").isAfter(Instant.now().plus(Duration.ofDays(59))));
    }

    @Test
    void reply_serviceRenewsANearExpiryTokenOnceAndARefusedRenewalKeepsTheOldTokenInHealth() {
        MOCK.stubFor(get(urlPathEqualTo(RENEW)).withQueryParam("access_token", equalTo("th-own"))
                .willReturn(okJson("{\"access_token\":\"th-own-2\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        publishesWith("th-own-2", "18002", "18102");
        publishesWith("th-own-2", "18003", "18103");
        Connectors renewing = connectors("th-own");
        assertEquals(new Done("18102"), renewing.of("threads").orElseThrow().send(reply("18002")));
        assertEquals(new Done("18103"), renewing.of("threads").orElseThrow().send(reply("18003")));
        assertEquals(1, renewals("th-own"), "renewed once, the renewed token used next");

        MOCK.stubFor(get(urlPathEqualTo(RENEW)).withQueryParam("access_token", equalTo("th-kept"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"error":{"message":"Unsupported get request.","type":"THApiException","code":100,"fbtrace_id":"AbC7"}}""")));
        publishesWith("th-kept", "18004", "18104");
        Connectors refused = connectors("th-kept");
        assertEquals(new Done("18104"), refused.of("threads").orElseThrow().send(reply("18004")), "the old token still works");
        assertEquals(1, renewals("th-kept"));
        HealthCheckResponse health = new PlatformTokensCheck(refused).call();
        assertEquals(HealthCheckResponse.Status.UP, health.getStatus());
        String reason = String.valueOf(health.getData().orElseThrow().get("threads token renewal"));
        assertTrue(reason.contains("HTTP 400, Graph error 100"), reason);
        assertFalse(reason.contains("th-kept"));
    }
}
