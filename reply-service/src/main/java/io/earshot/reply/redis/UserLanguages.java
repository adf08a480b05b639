package io.earshot.reply.redis;

import io.earshot.reply.config.TranslationConfig;
import io.earshot.reply.domain.Languages;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * The languages each staff member reads, by user name: a comment in any other language is shown with a machine
 * translation into the first one. Kept apart from the queue view, so a rebuild keeps it; a user who never set it
 * reads the configured defaults.
 */
@ApplicationScoped
public class UserLanguages {

    static final String KEY = RedisKeys.USER_LANGUAGES.prefix();

    @Inject
    RedisCommands<String, String> redis;

    @Inject
    TranslationConfig config;

    /** The user's languages, first = the one to translate into. */
    public List<String> of(String user) {
        String stored = redis.hget(KEY, user);
        if (stored != null && !stored.isBlank()) {
            List<String> list = Arrays.stream(stored.split(",")).filter(Languages::valid).toList();
            if (!list.isEmpty()) {
                return list;
            }
        }
        return defaults();
    }

    /** Whether the user chose their languages (else they read the defaults). */
    public boolean chosen(String user) {
        return redis.hexists(KEY, user);
    }

    public List<String> defaults() {
        List<String> list = config.defaultLanguages().stream().map(String::strip).filter(Languages::valid).toList();
        return list.isEmpty() ? List.of("en") : list;
    }

    /** @param languages already validated and normalised */
    public void set(String user, List<String> languages) {
        redis.hset(KEY, user, String.join(",", languages));
    }
}
