package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reddit: {@code POST /api/comment} (form: {@code api_type=json}, {@code thing_id} = the comment's fullname,
 * {@code text} = markdown). Reddit answers 200 even when it refuses, with {@code json.errors}: {@code RATELIMIT} is
 * worth waiting for, the others (deleted, locked, archived) are not. It stays inside the 100 queries a minute per
 * OAuth client: when {@code X-Ratelimit-Remaining} runs out, sends wait for {@code X-Ratelimit-Reset} without calling.
 * No idempotency key: before resending, our account's recent comments are searched for this parent and text.
 */
class Reddit extends HttpPlatform {

    static final String USER_AGENT = "server:io.earshot.reply:0.1 (self-hosted Earshot)";

    private final AtomicReference<Instant> windowEnds = new AtomicReference<>(Instant.MIN);

    Reddit(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "reddit";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.reddit();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    HttpRequest.Builder request(String path) {
        return super.request(path).header("User-Agent", USER_AGENT);
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Instant until = windowEnds.get();
        if (Instant.now().isBefore(until)) {
            return new Transient("Reddit's rate window is spent", until);
        }
        String form = "api_type=json&thing_id=" + enc(reply.inReplyTo()) + "&text=" + enc(reply.text());
        Answer a = call(request("/api/comment").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (a.failure() != null) {
            return a.failure();
        }
        JsonNode errors = a.body().path("json").path("errors");
        if (errors.size() > 0) {
            JsonNode first = errors.get(0);
            String code = first.path(0).asText();
            String message = code + ": " + first.path(1).asText();
            if ("RATELIMIT".equals(code)) {
                double seconds = a.body().path("json").path("ratelimit").asDouble(60);
                return new Transient(message, Instant.now().plusSeconds((long) Math.ceil(seconds)));
            }
            return new Permanent("Reddit refused the reply: " + message, false);
        }
        return new Done(a.body().at("/json/data/things/0/data/name").asText(null));
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        String me = settings().accountId()
                .orElseThrow(() -> new IllegalStateException("cannot check for an existing reply: no Reddit username (account-id)"));
        JsonNode comments = lookup(request("/user/" + enc(me) + "/comments?limit=100&raw_json=1").GET().build());
        return first(comments.path("data").path("children"),
                child -> reply.inReplyTo().equals(child.path("data").path("parent_id").asText())
                        && reply.text().equals(child.path("data").path("body").asText()),
                child -> child.path("data").path("name").asText());
    }

    /** Every call is counted against Reddit's window. */
    @Override
    Answer call(HttpRequest request) {
        return counted(super.call(request));
    }

    /** Notes when Reddit's window runs out, so the next sends wait for it. */
    private Answer counted(Answer a) {
        double remaining = header(a, "X-Ratelimit-Remaining");
        if (remaining < 1) {
            double reset = header(a, "X-Ratelimit-Reset");
            windowEnds.set(Instant.now().plusSeconds((long) Math.ceil(reset == Double.MAX_VALUE ? 60 : reset)));
        }
        return a;
    }

    private static double header(Answer a, String name) {
        for (var e : a.headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                List<String> values = e.getValue();
                try {
                    return values.isEmpty() ? Double.MAX_VALUE : Double.parseDouble(values.get(0).strip());
                } catch (NumberFormatException ignored) {
                    return Double.MAX_VALUE;
                }
            }
        }
        return Double.MAX_VALUE;
    }
}
