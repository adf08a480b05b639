package io.earshot.ingest.api;

import io.earshot.commons.api.Problem;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/*} call needs {@code Authorization: Bearer <key>}: the shared {@code earshot.ingest.api-key} or
 * an integrator's own ({@link Integrators}). The key's {@link Grant} (the platforms and accounts it may submit for)
 * is left on the request for the resources to check. Webhooks carry their own signatures and health is open, so both
 * are exempt. Comparisons are constant-time; without a configured key every call is refused (fail closed).
 */
public class ApiKeyFilter {

    /** Looked up per request: filters are built before runtime configuration exists. */
    @Inject
    Instance<Integrators> integrators;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireKey(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        String relative = path.replaceFirst("^/+", "");
        if (!(relative.equals("api") || relative.startsWith("api/"))) {
            return Optional.empty();
        }
        Integrators keys = integrators.get();
        String header = request.getHeaderString("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<Grant> grant = given == null ? Optional.empty() : keys.byApiKey(given);
        if (grant.isPresent()) {
            routing.put(Grant.ATTRIBUTE, grant.get());
            return Optional.empty();
        }
        String detail = !keys.anyApiKey() ? "no API key is configured on this service (earshot.ingest.api-key)"
                : given == null ? "send Authorization: Bearer <api key>" : "the API key is not valid";
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"earshot-ingest\"")
                .entity(Problem.of(401, "Unauthorized", detail).at(path)).build());
    }
}
