package io.earshot.reply.security;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Upgraded password hashes, kept in Redis because the users file is a read-only Secret mount shared by every replica.
 * An upgrade overrides the file's line only while that line is unchanged (a new password in the file wins at once),
 * and carries a MAC keyed by the file's hash, so whoever can write Redis but not read the users file cannot plant a
 * hash of their own. Losing Redis loses nothing: the file's hash still signs in and is upgraded again.
 */
@ApplicationScoped
public class HashOverrides {

    private static final Logger LOG = Logger.getLogger(HashOverrides.class);
    private static final Duration TTL = Duration.ofDays(400);

    private final RedisCommands<String, String> redis;

    public HashOverrides(RedisCommands<String, String> redis) {
        this.redis = redis;
    }

    /** The upgraded hash of {@code user}, when one was stored for the file's current line. */
    public Optional<String> find(UserStore.User user) {
        String stored = redis.get(key(user.name()));
        if (stored == null) {
            return Optional.empty();
        }
        int bar = stored.lastIndexOf('|');
        if (bar < 0 || !MessageDigest.isEqual(mac(user.hash(), stored.substring(0, bar)).getBytes(StandardCharsets.UTF_8),
                stored.substring(bar + 1).getBytes(StandardCharsets.UTF_8))) {
            // the file changed since the upgrade (a new password), or the entry was not written by this service
            return Optional.empty();
        }
        return Optional.of(stored.substring(0, bar));
    }

    public void put(UserStore.User user, String upgraded) {
        redis.set(key(user.name()), upgraded + "|" + mac(user.hash(), upgraded), SetArgs.Builder.px(TTL.toMillis()));
        LOG.infof("password hash of %s upgraded to %d iterations", user.name(), PasswordHash.iterations(upgraded));
    }

    static String key(String user) {
        return LoginLimiter.PREFIX + "hash:" + user;
    }

    private static String mac(String fileHash, String upgraded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest(("earshot-rehash:" + fileHash).getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(upgraded.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
