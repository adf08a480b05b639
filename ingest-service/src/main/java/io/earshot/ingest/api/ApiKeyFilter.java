package io.earshot.ingest.api;

import io.earshot.commons.api.Problem;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.domain.Hashes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /api/*} call needs {@code Authorization: Bearer <earshot.ingest.api-key>}: service-to-service and
 * integrator calls share that key. Webhooks carry their own signatures and health is open, so both are exempt.
 * The comparison is constant-time; without a configured key every call is refused (fail closed).
 */
public class ApiKeyFilter {

    /** Looked up per request: filters are built before runtime configuration exists. */
    @Inject
    Instance<IngestConfig> configs;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireKey(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.replaceFirst("^/+", "");
        if (!(relative.equals("api") || relative.startsWith("api/"))) {
            return Optional.empty();
        }
        IngestConfig config = configs.get();
        String header = request.getHeaderString("Authorization");
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (Hashes.secretEquals(config.apiKey().orElse(null), given)) {
            return Optional.empty();
        }
        String detail = config.apiKey().isEmpty() ? "no API key is configured on this service (earshot.ingest.api-key)"
                : given == null ? "send Authorization: Bearer <api key>" : "the API key is not valid";
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"earshot-ingest\"")
                .entity(Problem.of(401, "Unauthorized", detail).at(path)).build());
    }
}
