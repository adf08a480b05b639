package io.earshot.reply.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where staff accounts come from locally. */
@ConfigMapping(prefix = "earshot.reply.auth")
public interface AuthConfig {

    /**
     * The users file: {@code name:roles:pbkdf2-sha256:iterations:salt:hash} per line (see
     * {@code deploy/local/users/}); without it only OIDC bearer tokens can sign in.
     */
    Optional<String> usersFile();
}
