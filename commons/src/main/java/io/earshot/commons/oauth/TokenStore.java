package io.earshot.commons.oauth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a refreshed token is shared, so ingest-service and reply-service, holding the same refresh token, do not each
 * refresh (Trustpilot refuses refreshes that come too often and rotates its refresh tokens).
 */
public interface TokenStore {

    /** A refreshed token. */
    record Stored(String accessToken, Instant expiresAt, String refreshToken) {
        @Override
        public String toString() {
            return "Stored[expiresAt=" + expiresAt + "]";
        }
    }

    Optional<Stored> load(String key);

    void save(String key, Stored token);
}
