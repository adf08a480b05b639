package io.earshot.reply.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.reply.config.PublishConfig;
import java.util.Map;
import java.util.Optional;

/**
 * Trustpilot service reviews: {@code POST /v1/private/reviews/{id}/reply} with {@code message} and the business
 * user who answers ({@code authorBusinessUserId}, the configured account id). No idempotency key: before sending
 * again, {@code GET /v1/private/reviews/{id}} is asked whether the company reply is already our text.
 */
class Trustpilot extends HttpPlatform {

    Trustpilot(ObjectMapper mapper, PublishConfig config) {
        super(mapper, config);
    }

    @Override
    public String platform() {
        return "trustpilot";
    }

    @Override
    PublishConfig.Platform settings() {
        return config.trustpilot();
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Outcome send(ApprovedReply reply) {
        String author = settings().accountId()
                .orElseThrow(() -> new IllegalStateException("trustpilot has no business user id (account-id) configured"));
        Answer a = call(postJson("/v1/private/reviews/" + enc(reply.inReplyTo()) + "/reply",
                Map.of("authorBusinessUserId", author, "message", reply.text())));
        return doneAs(a, reply.inReplyTo() + "/reply");
    }

    @Override
    public Optional<String> findExisting(ApprovedReply reply) {
        JsonNode companyReply = lookup(request("/v1/private/reviews/" + enc(reply.inReplyTo())).GET().build()).path("companyReply");
        return reply.text().equals(companyReply.path("text").asText(null))
                ? Optional.of(reply.inReplyTo() + "/reply") : Optional.empty();
    }
}
