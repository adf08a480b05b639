package io.earshot.reply.security;

import io.earshot.reply.config.AuthConfig;
import io.earshot.reply.metrics.LoginMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Staff accounts from the users file ({@code name:roles:pbkdf2-sha256:iterations:salt:hash}, one a line; written by
 * {@code deploy/local/users/generate}). A plain CDI bean with no HTTP in it, so any authentication mechanism (HTTP
 * Basic here, a form login with a session cookie on the dashboard) can check passwords with it; the login limits are
 * {@link LoginGuard}'s, in front of this class.
 *
 * <p>The file is re-read when it changes. Successful checks are remembered (as a keyed digest, never the password)
 * so that HTTP Basic does not pay for PBKDF2 on every request. A hash with fewer iterations than configured is
 * re-hashed on its next successful check, into {@link HashOverrides}: the file itself is read-only.
 */
@ApplicationScoped
public class UserStore {

    private static final Logger LOG = Logger.getLogger(UserStore.class);

    /** An account: its name and roles, and its hash as the users file has it. */
    public record User(String name, Set<String> roles, String hash) {
    }

    private final AuthConfig config;
    private final HashSlots hashes;
    private final HashOverrides overrides;
    private final LoginMetrics metrics;
    private final LoginAudit audit;

    private volatile Map<String, User> users = Map.of();
    private volatile FileTime loadedAt;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new byte[32];

    public UserStore(AuthConfig config, HashSlots hashes, HashOverrides overrides, LoginMetrics metrics,
                     LoginAudit audit) {
        this.config = config;
        this.hashes = hashes;
        this.overrides = overrides;
        this.metrics = metrics;
        this.audit = audit;
        new SecureRandom().nextBytes(cacheKey);
    }

    /** The user when the name and password match, else empty. */
    public Optional<User> verify(String name, char[] password) {
        User user = users().get(name);
        if (user == null) {
            hashes.verifyNobody(password);
            return Optional.empty();
        }
        byte[] digest = digest(user, password);
        byte[] known = verified.get(name);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return Optional.of(user);
        }
        String current = overrides.find(user).orElse(user.hash());
        if (!hashes.verify(password, current)) {
            return Optional.empty();
        }
        int had = PasswordHash.iterations(current);
        if (had < hashes.iterations()) {
            overrides.put(user, hashes.hash(password));
            metrics.rehashed();
            audit.record(name, "-", "rehashed", had + " -> " + hashes.iterations() + " iterations");
        }
        verified.put(name, digest);
        return Optional.of(user);
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(users().get(name));
    }

    private Map<String, User> users() {
        Optional<String> file = config.usersFile().filter(f -> !f.isBlank());
        if (file.isEmpty()) {
            return fromEnvironment();
        }
        Path path = Path.of(file.get());
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (!modified.equals(loadedAt)) {
                synchronized (this) {
                    users = parse(Files.readString(path, StandardCharsets.UTF_8));
                    loadedAt = modified;
                    verified.clear();
                    LOG.infof("loaded %d staff accounts from %s", users.size(), path);
                }
            }
        } catch (IOException e) {
            if (loadedAt == null) {
                LOG.warnf("no users file at %s: nobody can sign in with a password", path);
                loadedAt = FileTime.fromMillis(0);
            }
        }
        return users;
    }

    private volatile Map<String, User> fromEnvironment;

    /**
     * Without a users file: users admin, supervisor and responder whose password is given as
     * {@code EARSHOT_<USER>_PASSWORD}, hashed once in memory (the plain passwords are not kept).
     */
    private Map<String, User> fromEnvironment() {
        if (fromEnvironment == null) {
            synchronized (this) {
                if (fromEnvironment == null) {
                    Map<String, User> env = new HashMap<>();
                    for (String name : new String[] {Roles.ADMIN, Roles.SUPERVISOR, Roles.RESPONDER}) {
                        String password = System.getenv("EARSHOT_" + name.toUpperCase() + "_PASSWORD");
                        if (password != null && !password.isEmpty()) {
                            env.put(name, new User(name, Roles.expand(Set.of(name)), PasswordHash.hash(password.toCharArray(), config.hashIterations())));
                        }
                    }
                    if (env.isEmpty()) {
                        LOG.warn("no users file (EARSHOT_USERS_FILE) and no EARSHOT_<USER>_PASSWORD: nobody can sign in with a password");
                    }
                    fromEnvironment = Map.copyOf(env);
                }
            }
        }
        return fromEnvironment;
    }

    static Map<String, User> parse(String content) {
        Map<String, User> parsed = new HashMap<>();
        for (String raw : content.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(parts[1].split(",")));
            parsed.put(parts[0], new User(parts[0], Roles.expand(roles), parts[2]));
        }
        return Map.copyOf(parsed);
    }

    private byte[] digest(User user, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(cacheKey);
            md.update(user.hash().getBytes(StandardCharsets.UTF_8));
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
