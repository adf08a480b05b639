package io.earshot.triage.insights;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sender alone: retries a failing receiver with backoff, gives up after its attempts, needs a secret. */
class InsightsWebhookTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private WebhookConfig config(Optional<String> url, Optional<String> secret, int attempts) {
        return new WebhookConfig() {
            public Optional<String> url() { return url; }
            public Optional<String> secret() { return secret; }
            public int attempts() { return attempts; }
            public Duration backoff() { return Duration.ofMillis(10); }
            public Duration timeout() { return Duration.ofSeconds(2); }
        };
    }

    @Test
    void aFailingReceiverIsRetriedUntilItAccepts() {
        server.stubFor(post("/h").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server.stubFor(post("/h").inScenario("flaky").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)));
        InsightsWebhook webhook = new InsightsWebhook(config(Optional.of(server.baseUrl() + "/h"), Optional.of("s"), 4));
        assertTrue(webhook.post("ev-1", "{\"issueId\":\"i\"}"));
        assertEquals(2, server.findAll(postRequestedFor(urlEqualTo("/h"))).size());
    }

    @Test
    void aReceiverThatStaysDownIsGivenUpAfterTheAttempts() {
        server.stubFor(post("/h").willReturn(aResponse().withStatus(500)));
        InsightsWebhook webhook = new InsightsWebhook(config(Optional.of(server.baseUrl() + "/h"), Optional.of("s"), 3));
        assertFalse(webhook.post("ev-2", "{}"));
        assertEquals(3, server.findAll(postRequestedFor(urlEqualTo("/h"))).size());
    }

    @Test
    void offByDefaultAndAUrlWithoutASecretIsRefused() {
        assertFalse(new InsightsWebhook(config(Optional.empty(), Optional.empty(), 4)).enabled());
        assertThrows(IllegalStateException.class,
                () -> new InsightsWebhook(config(Optional.of(server.baseUrl()), Optional.empty(), 4)));
    }

    @Test
    void theSignatureIsHexHmacSha256OfTimestampDotBody() {
        // computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        assertEquals("9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae",
                InsightsWebhook.sign("key", "1700000000", "{}"));
    }
}
