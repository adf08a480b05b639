package io.earshot.reply.platform;

import io.earshot.reply.config.BlueskyPublishConfig;
import io.earshot.reply.platform.HttpPlatform.Answer;
import io.earshot.reply.platform.PlatformConnector.Outcome;
import io.earshot.reply.platform.PlatformConnector.Permanent;
import java.util.Map;
import java.util.function.Function;

/**
 * The session replies are posted with: made with the app password ({@code com.atproto.server.createSession}, which
 * Bluesky limits to 30 per 5 minutes) and kept; an access JWT the server calls expired is refreshed with the
 * refresh JWT ({@code com.atproto.server.refreshSession}), or a new session made when that is refused too.
 */
final class BlueskyLogin {

    /** The account's DID and JWTs. */
    record Session(String did, String accessJwt, String refreshJwt) {
        @Override
        public String toString() {
            return "Session[" + did + "]";
        }
    }

    private final Bluesky platform;
    private final BlueskyPublishConfig config;
    private volatile Session session;

    BlueskyLogin(Bluesky platform, BlueskyPublishConfig config) {
        this.platform = platform;
        this.config = config;
    }

    /** Runs {@code work} with a session, once more with a renewed one when the access JWT had expired. */
    Outcome withSession(Function<Session, Answer> work, String idField) {
        Answer a = current();
        if (a.failure() != null) {
            return a.failure();
        }
        Session used = session;
        Answer done = work.apply(used);
        if (done.failure() instanceof Permanent p && p.tokenExpired()) {
            Answer renewed = renew(used);
            if (renewed.failure() != null) {
                return renewed.failure();
            }
            done = work.apply(session);
        }
        return platform.doneWith(done, idField);
    }

    private synchronized Answer current() {
        return session != null ? new Answer(200, null, Map.of(), null) : create();
    }

    private synchronized Answer renew(Session stale) {
        if (session != stale) {
            return new Answer(200, null, Map.of(), null);
        }
        Answer a = platform.call(platform.xrpc("com.atproto.server.refreshSession",
                new Session(stale.did(), stale.refreshJwt(), null)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        if (a.failure() == null) {
            session = new Session(a.body().path("did").asText(stale.did()), a.body().path("accessJwt").asText(),
                    a.body().path("refreshJwt").asText());
            return a;
        }
        session = null;
        return create();
    }

    private Answer create() {
        if (config.identifier().isEmpty() || config.appPassword().isEmpty()) {
            return new Answer(0, null, Map.of(), new Permanent("bluesky has no identifier and app password configured", true));
        }
        Map<String, String> body = Map.of("identifier", config.identifier().get(), "password", config.appPassword().get());
        Answer a = platform.call(platform.xrpc("com.atproto.server.createSession", null)
                .header("Content-Type", "application/json").POST(platform.json(body)).build());
        if (a.failure() instanceof Permanent p) {
            return new Answer(a.status(), a.body(), a.headers(),
                    new Permanent("bluesky refused the app password (" + a.status() + "): " + HttpPlatform.message(a.body()), true));
        }
        if (a.failure() == null) {
            session = new Session(a.body().path("did").asText(), a.body().path("accessJwt").asText(), a.body().path("refreshJwt").asText());
        }
        return a;
    }
}
