package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The connector of each platform, and which platforms' tokens were found expired (shown in health). */
@ApplicationScoped
public class Connectors {

    private final Map<String, PlatformConnector> byPlatform;
    private final Map<String, String> expiredTokens = new ConcurrentHashMap<>();

    @Inject
    public Connectors(ObjectMapper mapper, PublishConfig config) {
        byPlatform = Map.of(
                "facebook", new Facebook(mapper, config),
                "instagram", new Instagram(mapper, config),
                "youtube", new YouTube(mapper, config),
                "mastodon", new Mastodon(mapper, config),
                "x", new XPlatform(mapper, config),
                "google", new GoogleReviews(mapper, config),
                "trustpilot", new Trustpilot(mapper, config),
                "reddit", new Reddit(mapper, config),
                "generic", new GenericCallback(mapper, config));
    }

    public Optional<PlatformConnector> of(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    public void tokenExpired(String platform, String reason) {
        expiredTokens.put(platform, reason);
    }

    public void tokenWorks(String platform) {
        expiredTokens.remove(platform);
    }

    public Map<String, String> expiredTokens() {
        return Map.copyOf(expiredTokens);
    }
}
