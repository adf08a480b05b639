package io.earshot.reply.web;

import io.earshot.reply.redis.RedisKeys;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Each staff member's dashboard language, by user name, in one Redis hash beside the reader languages: remembered
 * per user (not per browser, so it follows them to another machine) and outside the queue view, so a rebuild keeps it.
 */
@ApplicationScoped
public class UiLanguageStore {

    static final String KEY = RedisKeys.UI_LANGUAGES.prefix();

    private final RedisCommands<String, String> redis;

    public UiLanguageStore(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** The user's saved choice, if they made one and it is still a dashboard language. */
    public Optional<String> of(String user) {
        return Optional.ofNullable(redis.hget(KEY, user)).filter(UiLanguages::supported);
    }

    /** @param language a supported code ({@link UiLanguages#supported}) */
    public void set(String user, String language) {
        redis.hset(KEY, user, language);
    }
}
