package io.earshot.commons.oauth;

/**
 * The token endpoints Earshot refreshes access tokens at, and how each wants the client to authenticate: Google takes
 * the client id and secret in the form, Trustpilot and Reddit in an HTTP Basic header.
 */
public enum OAuthProvider {
    GOOGLE("https://oauth2.googleapis.com/token", false),
    TRUSTPILOT("https://api.trustpilot.com/v1/oauth/oauth-business-users-for-applications/refresh", true),
    REDDIT("https://www.reddit.com/api/v1/access_token", true);

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

    /** The platform name comments carry ({@code google}, {@code trustpilot}, {@code reddit}). */
    public String platform() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
