package io.earshot.ingest.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Every platform API (Graph, YouTube, Mastodon, X, Google Business Profile, Trustpilot, Reddit) as one WireMock server on a dynamic port; the service's base URLs
 * and test accounts point at it. Tests add the stubs they need through {@link #server()}.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String base = server().baseUrl();
        Map<String, String> config = new HashMap<>();
        config.put("earshot.ingest.meta.graph-url", base + "/graph");
        config.put("earshot.ingest.meta.accounts.shop-page.access-token", "page-token");
        config.put("earshot.ingest.meta.accounts.shop-ig.access-token", "ig-token");
        config.put("earshot.ingest.youtube.base-url", base + "/youtube/v3");
        config.put("earshot.ingest.youtube.channels.main.channel-id", "UCbrand");
        config.put("earshot.ingest.youtube.channels.main.access-token", "yt-token");
        config.put("earshot.ingest.mastodon.accounts.brand.base-url", base + "/mastodon");
        config.put("earshot.ingest.mastodon.accounts.brand.access-token", "md-token");
        config.put("earshot.ingest.mastodon.accounts.expired.base-url", base + "/mastodon-expired");
        config.put("earshot.ingest.mastodon.accounts.expired.access-token", "revoked-token");
        config.put("earshot.ingest.x.base-url", base + "/x");
        config.put("earshot.ingest.x.accounts.brand.user-id", "999");
        config.put("earshot.ingest.x.accounts.brand.bearer-token", "x-token");
        config.put("earshot.ingest.google.base-url", base + "/gbp/v4");
        config.put("earshot.ingest.google.locations.shop.name", "accounts/111/locations/222");
        config.put("earshot.ingest.google.locations.shop.access-token", "gbp-token");
        config.put("earshot.ingest.google.locations.lapsed.name", "accounts/111/locations/333");
        config.put("earshot.ingest.google.locations.lapsed.access-token", "gbp-lapsed-token");
        config.put("earshot.ingest.trustpilot.base-url", base + "/tp");
        config.put("earshot.ingest.trustpilot.business-units.shop.id", "46d6a890000064000500e0c3");
        config.put("earshot.ingest.trustpilot.business-units.shop.access-token", "tp-token");
        config.put("earshot.ingest.trustpilot.business-units.busy.id", "46d6a890000064000500e0c4");
        config.put("earshot.ingest.trustpilot.business-units.busy.access-token", "tp-token");
        config.put("earshot.ingest.reddit.base-url", base + "/reddit");
        config.put("earshot.ingest.reddit.accounts.brand.access-token", "rd-token");
        config.put("earshot.ingest.reddit.accounts.brand.refresh-token", "rd-brand-refresh");
        config.put("earshot.ingest.reddit.accounts.brand.username", "brand_official");
        config.put("earshot.ingest.reddit.accounts.brand.search.subreddits", "BuyItForLife,Cooking");
        config.put("earshot.ingest.reddit.accounts.brand.search.query", "\"acme kettle\"");
        config.put("earshot.ingest.reddit.accounts.renewing.access-token", "rd-old");
        config.put("earshot.ingest.reddit.accounts.renewing.refresh-token", "rd-refresh");
        config.put("earshot.ingest.reddit.queries-per-minute", "600");
        // token endpoints (refresh_token grant) as each platform documents them
        config.put("earshot.ingest.reddit.oauth.token-url", base + "/reddit-www/api/v1/access_token");
        config.put("earshot.ingest.reddit.oauth.client-id", "rd-client");
        config.put("earshot.ingest.reddit.oauth.client-secret", "rd-secret");
        config.put("earshot.ingest.google.oauth.token-url", base + "/google-oauth/token");
        config.put("earshot.ingest.google.oauth.client-id", "gbp-client.apps.googleusercontent.com");
        config.put("earshot.ingest.google.oauth.client-secret", "gbp-secret");
        config.put("earshot.ingest.google.locations.lapsed.refresh-token", "gbp-revoked-refresh");
        config.put("earshot.ingest.google.locations.renewing.name", "accounts/111/locations/444");
        config.put("earshot.ingest.google.locations.renewing.access-token", "gbp-old");
        config.put("earshot.ingest.google.locations.renewing.refresh-token", "gbp-refresh");
        config.put("earshot.ingest.trustpilot.oauth.token-url", base + "/tp/v1/oauth/oauth-business-users-for-applications/refresh");
        config.put("earshot.ingest.trustpilot.oauth.client-id", "tp-api-key");
        config.put("earshot.ingest.trustpilot.oauth.client-secret", "tp-api-secret");
        config.put("earshot.ingest.trustpilot.business-units.renewing.id", "46d6a890000064000500e0c5");
        config.put("earshot.ingest.trustpilot.business-units.renewing.refresh-token", "tp-refresh");
        config.put("earshot.ingest.bluesky.service-url", base + "/bsky");
        for (String account : new String[] {"brand", "renewing", "busy", "revoked"}) {
            config.put("earshot.ingest.bluesky.accounts." + account + ".identifier", account + ".bsky.social");
            config.put("earshot.ingest.bluesky.accounts." + account + ".app-password", account + "-app-pass");
        }
        config.put("earshot.ingest.threads.base-url", base + "/threads/v1.0");
        config.put("earshot.ingest.threads.token-url", base + "/threads/refresh_access_token");
        for (String account : new String[] {"brand", "expired", "busy", "renewing", "refused"}) {
            config.put("earshot.ingest.threads.accounts." + account + ".user-id", "1789" + account);
            config.put("earshot.ingest.threads.accounts." + account + ".access-token", "th-" + account + "-token");
            // far from expiry, except the two whose renewal is tested (ThreadsTokenRenewalTest)
            boolean near = account.equals("renewing") || account.equals("refused");
            config.put("earshot.ingest.threads.accounts." + account + ".token-expires-at",
                    java.time.Instant.now().plus(java.time.Duration.ofDays(near ? 3 : 50)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        config.put("earshot.ingest.threads.accounts.brand.username", "brandco");
        return config;
    }

    @Override
    public void stop() {
        // shared across test classes; WireMock's threads are daemons
    }
}
