package io.earshot.reply.security;

import java.time.Duration;

/**
 * A sign-in refused before its password was checked: too many recent failures for this account, address or device, or
 * no free hash slot. Deliberately not an {@code AuthenticationException}, so that Quarkus hands it to the router's
 * failure handlers (which answer 429 with {@code Retry-After}) instead of sending the ordinary 401 challenge.
 */
public class LoginThrottledException extends RuntimeException {

    private final transient Duration retryAfter;
    private final String scope;

    public LoginThrottledException(Duration retryAfter, String scope) {
        super("sign-in throttled (" + scope + ")", null, false, false);
        this.retryAfter = retryAfter;
        this.scope = scope;
    }

    /** How long the client should wait, at least one second. */
    public Duration retryAfter() {
        return retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter;
    }

    /** Which limit applied: {@code account_address}, {@code address}, {@code account} or {@code busy}. */
    public String scope() {
        return scope;
    }
}
