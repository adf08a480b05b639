package io.earshot.reply.web;

import io.earshot.commons.api.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a state-changing request that rides on the dashboard's session cookie without the page's CSRF token
 * ({@code X-CSRF-Token}), or that comes from another origin. Requests that authenticate with an
 * {@code Authorization} header (HTTP Basic, bearer tokens) are not at risk: a foreign page cannot make a browser add
 * that header. {@code POST /logout} is an HTML form and checks its own form field.
 */
public class CsrfFilter {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    CsrfTokens tokens;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return forbidden("cross-origin request refused");
        }
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !request.getCookies().containsKey(sessionCookie)
                || "/logout".equals(request.getUriInfo().getPath())) {
            return null;
        }
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        if (!tokens.isValid(request.getHeaderString(HEADER), user)) {
            return forbidden("missing or stale CSRF token: reload the page");
        }
        return null;
    }

    private static boolean sameOrigin(String origin, ContainerRequestContext request) {
        try {
            String host = request.getHeaderString("X-Forwarded-Host");
            if (host == null) {
                host = request.getHeaderString(HttpHeaders.HOST);
            }
            URI uri = URI.create(origin);
            String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && (host.equalsIgnoreCase(authority) || host.equalsIgnoreCase(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Response forbidden(String detail) {
        throw ProblemException.status(Response.Status.FORBIDDEN, detail);
    }
}
