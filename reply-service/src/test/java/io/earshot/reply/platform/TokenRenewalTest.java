package io.earshot.reply.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.earshot.commons.oauth.OAuthClient;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.platform.PlatformConnector.Done;
import io.earshot.reply.platform.PlatformConnector.Outcome;
import io.earshot.reply.platform.PlatformConnector.Permanent;
import io.earshot.reply.support.PlatformStubs;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The publishers of the platforms whose tokens expire, against the same WireMock as the rest of the module, with
 * token endpoints answering as Google, Trustpilot and Reddit document the refresh_token grant: a refused token is
 * renewed once and the reply sent once more; a refresh token refused for good ({@code invalid_grant}) is an expired
 * token for staff to replace, and is not tried again.
 */
class TokenRenewalTest {

    private static final WireMockServer MOCK = PlatformStubs.server();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PublishConfig config() {
        String base = MOCK.baseUrl() + "/renewal";
        return new SmallRyeConfigBuilder().withMapping(PublishConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "earshot.reply.publish.reddit.base-url", base + "/reddit",
                        "earshot.reply.publish.reddit.token", "rd-old",
                        "earshot.reply.publish.reddit.account-id", "brand_official",
                        "earshot.reply.publish.google.base-url", base + "/gbp/v4",
                        "earshot.reply.publish.google.token", "gbp-old",
                        "earshot.reply.publish.trustpilot.base-url", base + "/tp",
                        "earshot.reply.publish.trustpilot.account-id", "bu-user-7"), "test", 500))
                .build().getConfigMapping(PublishConfig.class);
    }

    private static TokenRefresher tokens(OAuthProvider provider, String accessToken, String refreshToken, String tokenPath) {
        return new TokenRefresher(Optional.ofNullable(accessToken), OAuthClient.of(provider, "reply:" + provider.platform(),
                Optional.of(MOCK.baseUrl() + tokenPath), Optional.of(provider.platform() + "-client"), Optional.of("secret"),
                Optional.of(refreshToken), Reddit.USER_AGENT), null, Duration.ofSeconds(5), Duration.ofMinutes(5), Clock.systemUTC());
    }

    private static ApprovedReply reply(String inReplyTo, String text) {
        return new ApprovedReply("item-" + inReplyTo, "test", inReplyTo, null, inReplyTo, text, "key-" + inReplyTo, "staff",
                "comment-" + inReplyTo);
    }

    @Test
    void aRedditReplyRefusedFor401IsSentAgainWithARenewedToken() {
        String token = "/renewal/reddit-www/api/v1/access_token";
        MOCK.stubFor(post(urlEqualTo("/renewal/reddit/api/comment")).withHeader("Authorization", equalTo("Bearer rd-old"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"Unauthorized\", \"error\": 401}")));
        MOCK.stubFor(post(urlEqualTo(token)).withBasicAuth("reddit-client", "secret")
                .withHeader("User-Agent", equalTo(Reddit.USER_AGENT))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=rd-refresh"))
                .willReturn(okJson("{\"access_token\": \"rd-new\", \"token_type\": \"bearer\", \"expires_in\": 86400, \"scope\": \"submit read\"}")));
        MOCK.stubFor(post(urlEqualTo("/renewal/reddit/api/comment")).withHeader("Authorization", equalTo("Bearer rd-new"))
                .willReturn(okJson("{\"json\": {\"errors\": [], \"data\": {\"things\": [{\"kind\": \"t1\", \"data\": {\"name\": \"t1_rply1\"}}]}}}")));
        HttpPlatform reddit = new Reddit(JSON, config()).withTokens(tokens(OAuthProvider.REDDIT, "rd-old", "rd-refresh", token));

        Outcome outcome = reddit.send(reply("t1_rnw1", "Thanks, we are on it."));
        assertEquals(new Done("t1_rply1"), outcome);
        assertEquals(1, MOCK.findAll(postRequestedFor(urlEqualTo(token))).size());
        assertEquals(2, MOCK.findAll(postRequestedFor(urlEqualTo("/renewal/reddit/api/comment"))).size(), "retried once");
        assertTrue(reddit.tokenExpiresAt().orElseThrow().isAfter(Instant.now().plus(Duration.ofHours(23))));

        reddit.send(reply("t1_rnw2", "And thanks again."));
        assertEquals(1, MOCK.findAll(postRequestedFor(urlEqualTo(token))).size(), "the renewed token is kept in memory");
    }

    @Test
    void aRevokedGoogleRefreshTokenIsAnExpiredTokenAndIsNotTriedAgain() {
        String token = "/renewal/google-oauth/token";
        String review = "accounts/1/locations/2/reviews/rvk1";
        MOCK.stubFor(put(urlEqualTo("/renewal/gbp/v4/" + review + "/reply")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")));
        MOCK.stubFor(post(urlEqualTo(token)).withRequestBody(containing("client_id=google-client"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));
        HttpPlatform google = new GoogleReviews(JSON, config()).withTokens(tokens(OAuthProvider.GOOGLE, "gbp-old", "gbp-revoked", token));

        Outcome outcome = google.send(reply(review, "Thank you for the kind words."));
        Permanent expired = assertInstanceOf(Permanent.class, outcome);
        assertTrue(expired.tokenExpired());
        assertTrue(expired.reason().contains("invalid_grant"), expired.reason());
        assertFalse(expired.reason().contains("gbp-old") || expired.reason().contains("gbp-revoked") || expired.reason().contains("secret"));

        assertInstanceOf(Permanent.class, google.send(reply(review, "Thank you for the kind words.")));
        assertEquals(1, MOCK.findAll(postRequestedFor(urlEqualTo(token))).size(), "a refused refresh token is not tried again");
        assertEquals(2, MOCK.findAll(putRequestedFor(urlEqualTo("/renewal/gbp/v4/" + review + "/reply"))).size());
    }

    @Test
    void trustpilotWithOnlyARefreshTokenGetsAnAccessTokenBeforeItsFirstReply() {
        String token = "/renewal/tp/v1/oauth/oauth-business-users-for-applications/refresh";
        MOCK.stubFor(post(urlEqualTo(token)).withBasicAuth("trustpilot-client", "secret")
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=tp-refresh"))
                .willReturn(okJson("{\"access_token\": \"tp-new\", \"refresh_token\": \"tp-refresh-2\", \"expires_in\": \"359999\"}")));
        MOCK.stubFor(post(urlPathEqualTo("/renewal/tp/v1/private/reviews/tprv1/reply")).withHeader("Authorization", equalTo("Bearer tp-new"))
                .willReturn(aResponse().withStatus(201)));
        HttpPlatform trustpilot = new Trustpilot(JSON, config()).withTokens(tokens(OAuthProvider.TRUSTPILOT, null, "tp-refresh", token));

        assertEquals(new Done("tprv1/reply"), trustpilot.send(reply("tprv1", "Sorry to hear that.")));
        assertEquals(1, MOCK.findAll(postRequestedFor(urlEqualTo(token))).size());
    }
}
