package io.earshot.reply.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a user name and password (HTTP Basic on {@code /api}, the dashboard's form) through {@link LoginGuard}. The
 * client address is the one Vert.x resolved, which honours {@code X-Forwarded-For} only where
 * {@code quarkus.http.proxy} trusts the proxy; a form sign-in that succeeds gives the browser a device cookie.
 */
@ApplicationScoped
public class FileIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** The device cookie: a random value Redis maps to the account it signed in to (OWASP's device cookies). */
    public static final String DEVICE_COOKIE = "earshot-device";

    private final LoginGuard guard;

    public FileIdentityProvider(LoginGuard guard) {
        this.guard = guard;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? "unknown"
                : http.request().remoteAddress().hostAddress();
        Cookie device = http == null ? null : http.request().getCookie(DEVICE_COOKIE);
        boolean browser = http != null && http.request().getHeader("Authorization") == null;
        var attempt = new LoginLimiter.Attempt(request.getUsername(), address, device == null ? null : device.getValue());
        return context.runBlocking(() -> {
            LoginGuard.Success success = guard.signIn(attempt, request.getPassword().getPassword(), browser);
            success.newDevice().ifPresent(token -> http.response().addCookie(Cookie.cookie(DEVICE_COOKIE, token)
                    .setPath("/").setHttpOnly(true).setSecure(http.request().isSSL())
                    .setSameSite(CookieSameSite.STRICT).setMaxAge(guard.deviceTtl().toSeconds())));
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(success.user().name()))
                    .addRoles(success.user().roles())
                    .build();
        });
    }
}
