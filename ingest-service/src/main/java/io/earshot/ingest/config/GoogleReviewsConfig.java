package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Google Business Profile reviews: which locations are polled and with what token. Kept apart from
 * {@link IngestConfig} so review sources can be added without touching the comment connectors' settings.
 */
@ConfigMapping(prefix = "earshot.ingest.google")
public interface GoogleReviewsConfig {

    /** The Business Profile API base, with version; tests point it at WireMock. */
    @WithDefault("https://mybusiness.googleapis.com/v4")
    String baseUrl();

    /** Pages read per poll at most (50 reviews a page, newest update first). */
    @WithDefault("5")
    int maxPages();

    /** Time between two polls of every location. */
    @WithDefault("PT10M")
    Duration interval();

    /** The OAuth client that renews the locations' access tokens (token URL default https://oauth2.googleapis.com/token). */
    OAuthClientConfig oauth();

    /** The locations to poll, by a name of your choice. */
    Map<String, Location> locations();

    interface Location {
        /** The location's resource name, {@code accounts/{account}/locations/{location}}. */
        String name();

        /** OAuth access token of a manager of the location (scope business.manage); env only, never logged. */
        Optional<String> accessToken();

        /** Refresh token of that manager, to renew the access token (with {@code oauth.client-id}); never logged. */
        Optional<String> refreshToken();
    }
}
