package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where staff accounts come from locally, how their passwords are hashed, and how failed sign-ins are limited. */
@ConfigMapping(prefix = "earshot.reply.auth")
public interface AuthConfig {

    /**
     * The users file: {@code name:roles:pbkdf2-sha256:iterations:salt:hash} per line (see
     * {@code deploy/local/users/}); without it only OIDC bearer tokens can sign in.
     */
    Optional<String> usersFile();

    /**
     * PBKDF2-HMAC-SHA256 iterations for new hashes; a stored hash with fewer is re-hashed on its next successful
     * sign-in (OWASP: 600,000). Only the tests lower it.
     */
    @WithDefault("600000")
    int hashIterations();

    /** Password hashes computed at once by this instance (each is a few hundred ms of one core); others wait. */
    @WithDefault("2")
    int concurrentHashes();

    /** How long a sign-in waits for a free hash slot before it is answered 429. */
    @WithDefault("5s")
    Duration hashWait();

    /** Limits on failed sign-ins, shared by every instance through Redis. */
    Limits limits();

    /** Failed sign-ins allowed before a back-off starts, per scope; the back-off doubles with each further failure. */
    interface Limits {

        /** Failures of one account from one client address. */
        @WithDefault("5")
        int perAccountAndAddress();

        /** Failures from one client address, over every account, by clients not known to the account tried. */
        @WithDefault("30")
        int perAddress();

        /** Failures of one account from every address, by clients not known to it: much looser than the pair. */
        @WithDefault("100")
        int perAccount();

        /** Failures through one device cookie before the device is no longer trusted. */
        @WithDefault("10")
        int perDevice();

        /** How long failures are remembered after the last one. */
        @WithDefault("15m")
        Duration window();

        /** The first back-off. */
        @WithDefault("1s")
        Duration backoffBase();

        /** The longest back-off. */
        @WithDefault("15m")
        Duration backoffMax();

        /** How long a device cookie, issued on a successful form sign-in, stays valid. */
        @WithDefault("P90D")
        Duration deviceTtl();

        /** How long an address that signed in successfully stays known to the account. */
        @WithDefault("P30D")
        Duration knownAddressTtl();
    }
}
