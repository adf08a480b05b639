package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.reply.config.PublishConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The skeleton every HTTP platform shares, so a publisher holds only what its platform does differently: one client
 * and timeouts, the token (renewed once when refused), classifying answers as done, transient (with the platform's
 * retry time) or permanent, the look for an earlier reply that fails closed, and Graph-style moderation.
 */
abstract class HttpPlatform implements PlatformConnector {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    final ObjectMapper mapper;
    final PublishConfig config;
    /** The token that renews itself, when a refresh token is configured; else the configured token is used. */
    private TokenRefresher tokens;

    HttpPlatform(ObjectMapper mapper, PublishConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    abstract PublishConfig.Platform settings();

    /** Uses a token that renews itself instead of the configured one. */
    HttpPlatform withTokens(TokenRefresher tokens) {
        this.tokens = tokens;
        return this;
    }

    /** When the access token expires, when known. */
    Optional<Instant> tokenExpiresAt() {
        return tokens == null ? Optional.empty() : tokens.expiresAt();
    }

    /** Why the last renewal of the access token failed, while it has not succeeded since. */
    Optional<String> tokenRenewalFailure() {
        return tokens == null ? Optional.empty() : tokens.failure();
    }

    String base() {
        return settings().baseUrl().orElseThrow(() -> new IllegalStateException(platform() + " has no base URL configured"))
                .replaceAll("/+$", "");
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(config.requestTimeout());
        (tokens != null ? tokens.current() : settings().token()).ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A call's answer, or the outcome that explains why there is none. */
    record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers, Outcome failure) {
    }

    /**
     * Sends a request. When the platform refuses the access token and a refresh token is configured, the token is
     * renewed once and the request sent once more with it; a renewal the token endpoint refuses for good
     * ({@code invalid_grant}) is an expired token, one that failed for now is worth another attempt.
     */
    Answer call(HttpRequest request) {
        Answer a = callOnce(request);
        if (tokens == null || !tokens.refreshable() || !(a.failure() instanceof Permanent p && p.tokenExpired())) {
            return a;
        }
        String used = request.headers().firstValue("Authorization").map(h -> h.substring(h.indexOf(' ') + 1)).orElse(null);
        TokenRefresher.Result renewed = tokens.refreshAfterRejection(used);
        if (renewed instanceof TokenRefresher.Fresh fresh) {
            return callOnce(HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                    .header("Authorization", "Bearer " + fresh.accessToken()).build());
        }
        TokenRefresher.Failed failed = (TokenRefresher.Failed) renewed;
        Outcome outcome = failed.permanent()
                ? new Permanent("access token expired or revoked and could not be renewed: " + failed.reason(), true)
                : new Transient("access token refused; renewing it failed for now: " + failed.reason(), null);
        return new Answer(a.status(), a.body(), a.headers(), outcome);
    }

    private Answer callOnce(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Answer(0, null, Map.of(), new Transient("timed out", null));
        } catch (IOException e) {
            return new Answer(0, null, Map.of(), new Transient("unreachable: " + e.getClass().getSimpleName(), null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, Map.of(), new Transient("interrupted", null));
        }
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(response.body());
        } catch (IOException e) {
            body = mapper.createObjectNode().put("raw", response.body().length() > 200 ? response.body().substring(0, 200) : response.body());
        }
        int status = response.statusCode();
        Outcome failure = null;
        if (status == 429 || status >= 400 && throttled(body)) {
            failure = new Transient("rate limited (" + status + ")", retryAt(response));
        } else if (status >= 500 || status == 408) {
            failure = new Transient("the platform answered " + status, retryAt(response));
        } else if (status == 401 || tokenExpired(body)) {
            failure = new Permanent("access token expired or revoked (" + status + "): " + message(body), true);
        } else if (status >= 400) {
            failure = new Permanent("the platform refused the reply (" + status + "): " + message(body), false);
        }
        return new Answer(status, body, response.headers().map(), failure);
    }

    /** Whether an error body says the platform throttled us (Graph's codes 4, 17, ...), worth waiting for. */
    boolean throttled(JsonNode body) {
        return false;
    }

    /** Graph API error 190 and similar: the token is no good. */
    boolean tokenExpired(JsonNode body) {
        return body.path("error").path("code").asInt() == 190;
    }

    static String message(JsonNode body) {
        for (String path : new String[] {"/error/message", "/error", "/detail", "/title", "/message"}) {
            JsonNode n = body.at(path);
            if (n.isTextual()) {
                return n.asText();
            }
        }
        return "no reason given";
    }

    /** When to try again: Retry-After (seconds), or X's x-rate-limit-reset / Bluesky's ratelimit-reset / Mastodon's X-RateLimit-Reset. */
    static Instant retryAt(HttpResponse<?> response) {
        Optional<String> after = response.headers().firstValue("Retry-After");
        if (after.isPresent()) {
            try {
                return Instant.now().plusSeconds(Long.parseLong(after.get().strip()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: use our own backoff
            }
        }
        Optional<String> reset = response.headers().firstValue("x-rate-limit-reset");
        if (reset.isPresent()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(reset.get().strip()));
            } catch (NumberFormatException ignored) {
                // ignore
            }
        }
        Optional<String> atprotoReset = response.headers().firstValue("ratelimit-reset");
        if (atprotoReset.isPresent()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(atprotoReset.get().strip()));
            } catch (NumberFormatException ignored) {
                // ignore
            }
        }
        Optional<String> mastodonReset = response.headers().firstValue("X-RateLimit-Reset");
        if (mastodonReset.isPresent()) {
            try {
                return Instant.parse(mastodonReset.get().strip());
            } catch (RuntimeException ignored) {
                // ignore
            }
        }
        return null;
    }

    HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST to a path of the platform's API. */
    HttpRequest postJson(String path, Object body) {
        return request(path).header("Content-Type", "application/json").POST(json(body)).build();
    }

    /** The failure, or done with the id found at {@code idField} (a JSON pointer) of the answer. */
    Outcome doneWith(Answer a, String idField) {
        if (a.failure() != null) {
            return a.failure();
        }
        String id = a.body().at(idField).asText(null);
        return new Done(id);
    }

    /** The failure, or done with an id the caller knows (platforms whose answer names none). */
    static Outcome doneAs(Answer a, String platformId) {
        return a.failure() != null ? a.failure() : new Done(platformId);
    }

    /**
     * The answer of a look for an earlier reply ({@link #findExisting}); a failed look throws, so the publisher does
     * not send blind and risk answering twice.
     */
    JsonNode lookup(HttpRequest request) {
        Answer a = call(request);
        if (a.failure() != null) {
            throw new IllegalStateException("cannot check for an existing reply: " + reasonOf(a.failure()));
        }
        return a.body();
    }

    /** The id of the first of {@code candidates} that {@code ours} accepts. */
    static Optional<String> first(JsonNode candidates, Predicate<JsonNode> ours, Function<JsonNode, String> id) {
        for (JsonNode c : candidates) {
            if (ours.test(c)) {
                return Optional.of(id.apply(c));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code author} is our account (any author when our account id is not configured). */
    boolean ours(String author) {
        return settings().accountId().map(me -> me.equals(author)).orElse(true);
    }

    static String reasonOf(Outcome o) {
        return o instanceof Transient t ? t.reason() : o instanceof Permanent p ? p.reason() : "";
    }

    /** Never asked of a platform that is {@link #idempotent()}; the others override it. */
    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        return Optional.empty();
    }

    @Override
    public Outcome moderate(io.earshot.reply.domain.QueueItem item, String action) {
        return new Permanent(platform() + " has no moderation API here", false);
    }

    /**
     * Meta's Graph API moderation: hide and unhide {@code POST /{id}?<flag>=true|false}, delete {@code DELETE /{id}}
     * ({@code flag}: Facebook's {@code is_hidden}, Instagram's {@code hide}).
     */
    Outcome graphModerate(io.earshot.reply.domain.QueueItem item, String action, String flag) {
        String path = "/" + enc(item.externalId());
        HttpRequest.Builder r = switch (action) {
            case "hide" -> request(path + "?" + flag + "=true").POST(HttpRequest.BodyPublishers.noBody());
            case "unhide" -> request(path + "?" + flag + "=false").POST(HttpRequest.BodyPublishers.noBody());
            default -> request(path).DELETE();
        };
        return doneWith(call(r.build()), "/id");
    }
}
