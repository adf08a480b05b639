package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Google Business Profile reviews: the owner's reply is {@code PUT {review name}/reply} with {@code {"comment"}}.
 * A review has at most one reply and the call creates or replaces it, so a retry after a lost answer is safe by
 * itself (the same approved text is written again). The item's external id is the review's resource name
 * ({@code accounts/{a}/locations/{l}/reviews/{r}}), as ingest-service's poller sets it.
 */
class GoogleReviews extends HttpPlatform {

    GoogleReviews(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "google";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.google();
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        Answer a = call(request("/" + reply.inReplyTo() + "/reply").header("Content-Type", "application/json")
                .PUT(json(Map.of("comment", reply.text()))).build());
        return doneAs(a, reply.inReplyTo() + "/reply");
    }

    /** Google's error body: {@code {"error":{"code":401,"status":"UNAUTHENTICATED"}}}. */
    @Override
    boolean tokenExpired(JsonNode body) {
        return "UNAUTHENTICATED".equals(body.path("error").path("status").asText());
    }
}
