package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.IngestConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The HTTP client every connector reads platforms with. Tokens travel only in the {@code Authorization} header,
 * never in URLs, so nothing that logs a URL can leak one.
 */
@ApplicationScoped
public class PlatformHttp {

    /** A platform's answer: status, headers and the body as JSON (a missing node when it was not JSON). */
    public record Reply(int status, java.net.http.HttpHeaders headers, JsonNode json) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper mapper;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(config.pollers().httpTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Characters platforms use unescaped in queries ({@code types[]=mention} in Mastodon's Link header, Graph field
     * expansions such as {@code parent{id}}) are escaped.
     */
    static String safeQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + url.substring(q).replace("[", "%5B").replace("]", "%5D")
                .replace("{", "%7B").replace("}", "%7D").replace("|", "%7C").replace(" ", "%20");
    }

    /**
     * A GET with a token that renews itself: when the platform refuses it (401, or Google's {@code UNAUTHENTICATED}),
     * the token is renewed once and the GET sent once more. The answer is the last one, so a refusal that renewal
     * could not cure reaches the poller as before ({@link TokenRefresher#failure()} says why).
     */
    public Reply getAuthorized(String url, TokenRefresher token, String userAgent) throws IOException {
        String used = token.current().orElse(null);
        Reply reply = get(url, used, userAgent);
        if (refused(reply) && token.refreshable()
                && token.refreshAfterRejection(used) instanceof TokenRefresher.Fresh fresh) {
            reply = get(url, fresh.accessToken(), userAgent);
        }
        return reply;
    }

    /** Whether the platform refused the access token. */
    public static boolean refused(Reply reply) {
        return reply.status() == 401 || "UNAUTHENTICATED".equals(reply.json().path("error").path("status").asText());
    }

    public Reply get(String url, String bearerToken) throws IOException {
        return get(url, bearerToken, null);
    }

    /** A GET with the platform's required {@code User-Agent} (Reddit throttles generic ones); null for the default. */
    public Reply get(String url, String bearerToken, String userAgent) throws IOException {
        URI uri;
        try {
            uri = URI.create(safeQuery(url));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid URL: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.pollers().httpTimeout())
                .header("Accept", "application/json").GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return exchange(request);
    }

    /** A POST of a JSON body (AT Protocol procedures such as {@code com.atproto.server.createSession}). */
    public Reply postJson(String url, String bearerToken, String jsonBody) throws IOException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a valid URL: " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.pollers().httpTimeout())
                .header("Accept", "application/json");
        if (jsonBody == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return exchange(request);
    }

    private Reply exchange(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json;
            try {
                json = response.body().length == 0 ? mapper.missingNode() : mapper.readTree(response.body());
            } catch (IOException e) {
                json = mapper.missingNode();
            }
            return new Reply(response.statusCode(), response.headers(), json == null ? mapper.missingNode() : json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
