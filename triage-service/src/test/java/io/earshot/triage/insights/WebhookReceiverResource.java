package io.earshot.triage.insights;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A WireMock webhook receiver on a dynamic port, wired in as {@code earshot.insights.webhook.url}. */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    static final String SECRET = "test-insights-secret";
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(WireMock.post("/hooks/emerging").willReturn(WireMock.aResponse().withStatus(204)));
        return Map.of("earshot.insights.webhook.url", server.baseUrl() + "/hooks/emerging",
                "earshot.insights.webhook.secret", SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
