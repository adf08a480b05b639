package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Trustpilot service reviews: which business units are polled and with what token. */
@ConfigMapping(prefix = "earshot.ingest.trustpilot")
public interface TrustpilotConfig {

    /** The Trustpilot API base; tests point it at WireMock. */
    @WithDefault("https://api.trustpilot.com")
    String baseUrl();

    /** Pages read per poll at most (100 reviews a page, newest first). */
    @WithDefault("5")
    int maxPages();

    /**
     * How far before the newest review seen paging still goes, so that reviews edited after they were read are
     * read again (the list is ordered by creation, not by update).
     */
    @WithDefault("P14D")
    Duration editWindow();

    /** Time between two polls of every business unit. */
    @WithDefault("PT10M")
    Duration interval();

    /** The API key and secret that renew the business users' access tokens (Trustpilot's refresh endpoint by default). */
    OAuthClientConfig oauth();

    /** The business units to poll, by a name of your choice. */
    Map<String, BusinessUnit> businessUnits();

    interface BusinessUnit {
        /** The business unit id. */
        String id();

        /** OAuth access token of a business user (it expires after 100 hours); never logged. */
        Optional<String> accessToken();

        /** Refresh token of that business user, to renew the access token (with {@code oauth.client-id}); never logged. */
        Optional<String> refreshToken();
    }
}
