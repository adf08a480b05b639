package io.earshot.reply.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server standing in for every external HTTP API reply-service calls: Facebook, Instagram, YouTube,
 * Mastodon, X, Threads, Google Business Profile, Trustpilot, Reddit, the generic callback and the LLM. Shared by the test classes of the module; tests stub paths with
 * their own ids so they do not see each other's requests.
 */
public class PlatformStubs implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(20));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String base = server().baseUrl();
        return Map.ofEntries(
                Map.entry("earshot.reply.publish.facebook.base-url", base + "/fb"),
                Map.entry("earshot.reply.publish.facebook.account-id", "PAGE"),
                Map.entry("earshot.reply.publish.facebook.token", "fb-token"),
                Map.entry("earshot.reply.publish.instagram.base-url", base + "/ig"),
                Map.entry("earshot.reply.publish.instagram.account-id", "brand"),
                Map.entry("earshot.reply.publish.youtube.base-url", base + "/yt"),
                Map.entry("earshot.reply.publish.youtube.account-id", "UCbrand"),
                Map.entry("earshot.reply.publish.mastodon.base-url", base + "/md"),
                Map.entry("earshot.reply.publish.x.base-url", base + "/x"),
                Map.entry("earshot.reply.publish.x.account-id", "999"),
                Map.entry("earshot.reply.publish.google.base-url", base + "/gbp/v4"),
                Map.entry("earshot.reply.publish.trustpilot.base-url", base + "/tp"),
                Map.entry("earshot.reply.publish.trustpilot.account-id", "bu-user-7"),
                Map.entry("earshot.reply.publish.reddit.base-url", base + "/reddit"),
                Map.entry("earshot.reply.publish.reddit.account-id", "brand_official"),
                Map.entry("earshot.reply.publish.generic.callback-url", base + "/callback"),
                Map.entry("earshot.reply.publish.threads.base-url", base + "/threads/v1.0"),
                Map.entry("earshot.reply.publish.threads.token", "th-token"),
                Map.entry("earshot.reply.publish.threads.account-id", "1789brand"),
                Map.entry("earshot.reply.oauth.threads.token-url", base + "/threads/refresh_access_token"),
                // far from expiry: the token is not renewed here (ThreadsTokenTest renews its own)
                Map.entry("earshot.reply.oauth.threads.token-expires-at", java.time.Instant.now().plus(java.time.Duration.ofDays(50))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()),
                Map.entry("earshot.reply.bluesky.service-url", base + "/bsky"),
                Map.entry("earshot.reply.bluesky.identifier", "brand.bsky.social"),
                Map.entry("earshot.reply.bluesky.app-password", "brand-app-pass"),
                Map.entry("earshot.reply.llm.base-url", base + "/llm/v1"));
    }

    @Override
    public void stop() {
        // shared; stopped by the shutdown hook
    }
}
