package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.ingest.config.BlueskyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AT Protocol session of every Bluesky account: made once with the app password
 * ({@code com.atproto.server.createSession}) and kept in memory, because session creation is rate limited far more
 * tightly (30 per 5 minutes, 300 a day) than reads. An access JWT the server calls {@code ExpiredToken} is renewed
 * with the refresh JWT ({@code com.atproto.server.refreshSession}); a refresh JWT that is no good any more makes a
 * new session. The JWTs never leave this class except in an {@code Authorization} header.
 */
@ApplicationScoped
public class BlueskySession {

    /** A live session: the account's DID, and its JWTs. */
    public record Session(String did, String handle, String accessJwt, String refreshJwt) {
        @Override
        public String toString() {
            return "Session[" + did + "]";
        }
    }

    /** Why no session could be had: the server refused the credentials, or could not be asked. */
    public static final class Refused extends Exception {
        public final int status;

        Refused(int status, String error) {
            super(error);
            this.status = status;
        }
    }

    @Inject
    PlatformHttp http;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlueskyConfig config;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** The current session of an account, made when there is none. */
    public Session current(String name, BlueskyConfig.Account account) throws IOException, Refused {
        Session s = sessions.get(name);
        return s != null ? s : create(name, account);
    }

    /**
     * A fresh session after the server said the access JWT expired: refreshed, or made anew when the refresh JWT
     * was refused too.
     */
    public Session renew(String name, BlueskyConfig.Account account, Session stale) throws IOException, Refused {
        PlatformHttp.Reply reply = http.postJson(xrpc("com.atproto.server.refreshSession"), stale.refreshJwt(), null);
        if (reply.ok()) {
            Session fresh = read(reply.json(), stale);
            sessions.put(name, fresh);
            return fresh;
        }
        if (reply.status() == 429 || reply.status() >= 500) {
            throw new Refused(reply.status(), error(reply));
        }
        sessions.remove(name);
        return create(name, account);
    }

    /** Forgets the session (its credentials were refused). */
    public void forget(String name) {
        sessions.remove(name);
    }

    /** Whether the answer says the access JWT expired (400 {@code ExpiredToken}, or 401). */
    public static boolean expired(PlatformHttp.Reply reply) {
        String error = reply.json().path("error").asText("");
        return (reply.status() == 400 && "ExpiredToken".equals(error)) || reply.status() == 401;
    }

    String xrpc(String method) {
        return config.serviceUrl().replaceAll("/+$", "") + "/xrpc/" + method;
    }

    private Session create(String name, BlueskyConfig.Account account) throws IOException, Refused {
        String body = mapper.createObjectNode().put("identifier", account.identifier())
                .put("password", account.appPassword()).toString();
        PlatformHttp.Reply reply = http.postJson(xrpc("com.atproto.server.createSession"), null, body);
        if (!reply.ok()) {
            throw new Refused(reply.status(), error(reply));
        }
        Session s = read(reply.json(), null);
        sessions.put(name, s);
        return s;
    }

    private static Session read(JsonNode json, Session before) {
        String did = json.path("did").asText(before == null ? null : before.did());
        String handle = json.path("handle").asText(before == null ? null : before.handle());
        return new Session(did, handle, json.path("accessJwt").asText(), json.path("refreshJwt").asText());
    }

    private static String error(PlatformHttp.Reply reply) {
        String error = reply.json().path("error").asText("");
        return "HTTP " + reply.status() + (error.isEmpty() ? "" : " " + error);
    }
}
