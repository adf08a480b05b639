package io.earshot.commons.oauth;

/**
 * The token endpoints Earshot refreshes access tokens at, and how each wants the client to authenticate: Google takes
 * the client id and secret in the form, Trustpilot and Reddit in an HTTP Basic header. Threads has no client: its
 * long-lived token renews itself ({@code GET ?grant_type=th_refresh_token&access_token=}, Meta's documented way), at
 * least 24 hours after it was issued, for another 60 days.
 */
public enum OAuthProvider {
    GOOGLE("https://oauth2.googleapis.com/token", false),
    TRUSTPILOT("https://api.trustpilot.com/v1/oauth/oauth-business-users-for-applications/refresh", true),
    REDDIT("https://www.reddit.com/api/v1/access_token", true),
    THREADS("https://graph.threads.net/refresh_access_token", false);

    private final String defaultTokenUrl;
    private final boolean basicAuth;

    OAuthProvider(String defaultTokenUrl, boolean basicAuth) {
        this.defaultTokenUrl = defaultTokenUrl;
        this.basicAuth = basicAuth;
    }

    /** The production token URL (configuration may point elsewhere, e.g. WireMock). */
    public String defaultTokenUrl() {
        return defaultTokenUrl;
    }

    /** Whether client id and secret travel as {@code Authorization: Basic}, else as form fields. */
    public boolean basicAuth() {
        return basicAuth;
    }

    /**
     * Whether the token renews itself (Threads): the "refresh token" is the current long-lived access token, sent with
     * the {@code th_refresh_token} grant, and each renewed token is the one to renew next.
     */
    public boolean renewsOwnToken() {
        return this == THREADS;
    }

    /** How long a token of this platform lives, when the platform says (Threads: 60 days), else null. */
    public java.time.Duration lifetime() {
        return this == THREADS ? java.time.Duration.ofDays(60) : null;
    }

    /** How old a token must be before the platform renews it (Threads: 24 hours). */
    public java.time.Duration minimumAge() {
        return this == THREADS ? java.time.Duration.ofHours(24) : java.time.Duration.ZERO;
    }

    /** The platform name comments carry ({@code google}, {@code trustpilot}, {@code reddit}). */
    public String platform() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
