package io.earshot.commons.oauth;

import java.util.Optional;

/**
 * What refreshing one access token needs. The secrets never appear in {@link #toString()}, so logging a client (or an
 * exception that names it) cannot leak them.
 *
 * @param provider whose token endpoint
 * @param label who the token belongs to, for logs and status ({@code reddit:brand}); never a secret
 * @param tokenUrl the token endpoint ({@link OAuthProvider#defaultTokenUrl()} unless configured)
 * @param clientId OAuth client id (Trustpilot: the API key)
 * @param clientSecret OAuth client secret (Trustpilot: the API secret; Reddit: empty for an installed app)
 * @param refreshToken the long-lived refresh token
 * @param userAgent a {@code User-Agent} to send (Reddit asks for one), or null
 */
public record OAuthClient(OAuthProvider provider, String label, String tokenUrl, String clientId, String clientSecret,
        String refreshToken, String userAgent) {

    /** A client when a refresh token and client id are configured, else empty (the token is used as configured). */
    public static Optional<OAuthClient> of(OAuthProvider provider, String label, Optional<String> tokenUrl,
            Optional<String> clientId, Optional<String> clientSecret, Optional<String> refreshToken, String userAgent) {
        if (refreshToken.isEmpty() || clientId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OAuthClient(provider, label, tokenUrl.orElse(provider.defaultTokenUrl()), clientId.get(),
                clientSecret.orElse(""), refreshToken.get(), userAgent));
    }

    /**
     * A Threads token that renews itself when {@code renew} is on and a token is configured, else empty (the token is
     * used as configured until it expires).
     */
    public static Optional<OAuthClient> threads(String label, Optional<String> tokenUrl, Optional<String> longLivedToken,
            boolean renew) {
        if (!renew || longLivedToken.filter(t -> !t.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OAuthClient(OAuthProvider.THREADS, label,
                tokenUrl.orElse(OAuthProvider.THREADS.defaultTokenUrl()), "", "", longLivedToken.get(), null));
    }

    @Override
    public String toString() {
        return "OAuthClient[" + provider.platform() + " " + label + " at " + tokenUrl + "]";
    }
}
