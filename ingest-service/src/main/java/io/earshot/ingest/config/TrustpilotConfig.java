package io.earshot.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

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

    /** The business units to poll, by a name of your choice. */
    Map<String, BusinessUnit> businessUnits();

    interface BusinessUnit {
        /** The business unit id. */
        String id();

        /** OAuth access token of a business user (it expires; replace the secret); never logged. */
        String accessToken();
    }
}
