package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.BlueskyPublishConfig;
import io.earshot.reply.config.PublishConfig;
import io.earshot.reply.domain.BlueskyText;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bluesky: a reply is an {@code app.bsky.feed.post} record written with {@code com.atproto.repo.createRecord}, with
 * the root and parent strong refs ({@code uri}, {@code cid}) read from the AppView ({@code app.bsky.feed.getPosts})
 * and facets for links and resolvable {@code @handles}. Retries are safe by themselves: the record key is derived
 * from the idempotency key ({@link BlueskyText#recordKey}), so every attempt first asks
 * {@code com.atproto.repo.getRecord} for that key and only writes when it is not there; a race that lost to an
 * earlier attempt is answered with that attempt's record too.
 */
class Bluesky extends HttpPlatform {

    static final String POST = "app.bsky.feed.post";

    private final BlueskyPublishConfig bluesky;
    private final BlueskyLogin login;

    Bluesky(ObjectMapper mapper, PublishConfig config, BlueskyPublishConfig bluesky) {
        super(mapper, config);
        this.bluesky = bluesky;
        this.login = new BlueskyLogin(this, bluesky);
    }

    @Override
    public String platform() {
        return "bluesky";
    }

    @Override
    PublishConfig.Platform settings() {
        return new PublishConfig.Platform() {
            @Override
            public Optional<String> baseUrl() {
                return Optional.of(bluesky.serviceUrl());
            }

            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public Optional<String> accountId() {
                return bluesky.identifier();
            }

            @Override
            public String visibility() {
                return "public";
            }
        };
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    /** An expired access JWT: renewed by {@link BlueskyLogin}. */
    @Override
    boolean tokenExpired(JsonNode body) {
        return "ExpiredToken".equals(body.path("error").asText()) || "InvalidToken".equals(body.path("error").asText());
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        String rkey = BlueskyText.recordKey(reply.idempotencyKey());
        return login.withSession(session -> {
            Answer existing = existing(session, rkey);
            if (existing.failure() == null && existing.status() == 200) {
                return existing;
            }
            if (existing.failure() instanceof Transient || existing.failure() instanceof Permanent p && p.tokenExpired()) {
                return existing;
            }
            Answer target = call(xrpc("app.bsky.feed.getPosts?uris=" + enc(reply.inReplyTo()), session).GET().build());
            if (target.failure() != null) {
                return target;
            }
            JsonNode post = target.body().path("posts").path(0);
            if (!post.path("cid").isTextual()) {
                return new Answer(404, target.body(), target.headers(),
                        new Permanent("the post replied to is gone or hidden: " + reply.inReplyTo(), false));
            }
            Map<String, String> parent = Map.of("uri", post.path("uri").asText(), "cid", post.path("cid").asText());
            JsonNode rootRef = post.path("record").path("reply").path("root");
            Map<String, String> root = rootRef.path("cid").isTextual()
                    ? Map.of("uri", rootRef.path("uri").asText(), "cid", rootRef.path("cid").asText()) : parent;
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("$type", POST);
            record.put("text", reply.text());
            record.put("createdAt", Instant.now().toString());
            record.put("reply", Map.of("root", root, "parent", parent));
            List<Map<String, Object>> facets = BlueskyText.facets(reply.text(), handle -> resolve(handle, session));
            if (!facets.isEmpty()) {
                record.put("facets", facets);
            }
            Map<String, Object> body = Map.of("repo", session.did(), "collection", POST, "rkey", rkey, "record", record);
            Answer created = call(xrpc("com.atproto.repo.createRecord", session).header("Content-Type", "application/json")
                    .POST(json(body)).build());
            if (created.failure() instanceof Permanent p && !p.tokenExpired()) {
                Answer raced = existing(session, rkey);
                if (raced.failure() == null && raced.status() == 200) {
                    return new Answer(200, raced.body(), raced.headers(), null);
                }
            }
            return created;
        }, "/uri");
    }

    private Answer existing(BlueskyLogin.Session session, String rkey) {
        return call(xrpc("com.atproto.repo.getRecord?repo=" + enc(session.did()) + "&collection=" + POST + "&rkey=" + rkey,
                session).GET().build());
    }

    /** A handle's DID, or null (the mention then stays plain text). */
    private String resolve(String handle, BlueskyLogin.Session session) {
        Answer a = call(xrpc("com.atproto.identity.resolveHandle?handle=" + enc(handle), session).GET().build());
        return a.failure() == null && a.body().path("did").isTextual() ? a.body().path("did").asText() : null;
    }

    HttpRequest.Builder xrpc(String methodAndQuery, BlueskyLogin.Session session) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/xrpc/" + methodAndQuery)).timeout(config.requestTimeout());
        if (session != null) {
            b.header("Authorization", "Bearer " + session.accessJwt());
        }
        return b;
    }
}
