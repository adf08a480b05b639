package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.TrustpilotConfig;
import io.earshot.ingest.config.TrustpilotConfig.BusinessUnit;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.Times;
import io.earshot.ingest.messaging.CommentIngested.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls Trustpilot {@code GET /v1/private/business-units/{id}/reviews?orderBy=createdat.desc}, page by page, back to
 * the newest review seen last time minus {@code edit-window}: the list is ordered by creation, so reviews edited
 * since are found by reading that window again (unchanged ones are deduplicated). A review with {@code updatedAt}
 * after {@code createdAt} is published as an edit; {@code stars} travels as {@code context.starRating}.
 */
@ApplicationScoped
public class TrustpilotPoller extends AccountPoller<BusinessUnit> {

    static final String PLATFORM = "trustpilot";
    private static final int PER_PAGE = 100;

    @Inject
    TrustpilotConfig config;

    @Inject
    AccessTokens tokens;

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    Map<String, BusinessUnit> accounts() {
        return config.businessUnits();
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    int maxPages() {
        return config.maxPages();
    }

    /**
     * One page by number ({@code next} is the page number, 1 first); reading goes back to the newest review seen last
     * time minus {@code edit-window}.
     */
    @Override
    Page fetchPage(Pass<BusinessUnit> pass, String next) throws IOException {
        BusinessUnit unit = pass.account;
        int page = next == null ? 1 : Integer.parseInt(next);
        TokenRefresher token = tokens.of(OAuthProvider.TRUSTPILOT, pass.name, unit.accessToken(), unit.refreshToken(),
                config.oauth(), null);
        String url = config.baseUrl().replaceAll("/+$", "") + "/v1/private/business-units/" + unit.id()
                + "/reviews?orderBy=createdat.desc&perPage=" + PER_PAGE + "&page=" + page;
        PlatformHttp.Reply reply = http.getAuthorized(url, token, null);
        if (!reply.ok()) {
            return Page.failed(failure(pass.name, connector(pass.name), reply, token));
        }
        Optional<Instant> since = pass.cursor.map(Instant::parse);
        Instant floor = since.map(s -> s.minus(config.editWindow())).orElse(null);
        if (pass.newest == null) {
            pass.newest = since.map(Instant::toString).orElse(null);
        }
        JsonNode reviews = reply.json().path("reviews");
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode review : reviews) {
            Instant created = Times.parse(review.get("createdAt"));
            if (floor != null && created != null && created.isBefore(floor)) {
                return Page.of(drafts, null, true);
            }
            if (created != null && (pass.newest == null || created.isAfter(Instant.parse(pass.newest)))) {
                pass.newest = created.toString();
            }
            drafts.add(draft(unit, review));
        }
        return Page.of(drafts, reviews.size() < PER_PAGE ? null : String.valueOf(page + 1), false);
    }

    private String failure(String name, String connector, PlatformHttp.Reply reply, TokenRefresher token) {
        if (reply.status() == 401 || reply.status() == 403) {
            status.report(PLATFORM, name, State.token_expired, "HTTP " + reply.status() + " from private reviews"
                    + token.failure().map(f -> "; " + f).orElse(""));
            return "token";
        }
        if (reply.status() == 429) {
            long seconds = reply.header("Retry-After").map(TrustpilotPoller::seconds).orElse(60L);
            support.pause(connector, Instant.now().plusSeconds(seconds));
            status.report(PLATFORM, name, State.rate_limited, "HTTP 429; waiting " + seconds + "s");
            return "rate_limited";
        }
        status.report(PLATFORM, name, State.unreachable, "HTTP " + reply.status());
        return "error";
    }

    static CommentDraft draft(BusinessUnit unit, JsonNode review) {
        CommentDraft d = new CommentDraft(PLATFORM, review.path("id").asText());
        d.account = unit.id();
        d.threadId = d.externalId;
        JsonNode consumer = review.path("consumer");
        d.authorId = consumer.path("id").asText("unknown");
        d.authorName = consumer.path("displayName").asText(null);
        String title = review.path("title").asText("").strip();
        String text = review.path("text").asText("");
        d.text = title.isEmpty() || text.startsWith(title) ? text : title + "\n\n" + text;
        d.lang = review.path("language").isTextual() ? review.path("language").asText() : null;
        d.createdAt = Times.parse(review.get("createdAt"));
        Instant updated = Times.parse(review.get("updatedAt"));
        if (d.createdAt != null && updated != null && updated.isAfter(d.createdAt)) {
            d.action = Action.edited;
            d.revisedAt = updated;
        }
        d.permalink = "https://www.trustpilot.com/reviews/" + d.externalId;
        d.context("starRating", review.path("stars").isInt() ? review.path("stars").asInt() : null)
                .context("title", title)
                .context("hasReply", review.path("companyReply").isObject() ? Boolean.TRUE : null);
        d.raw = withoutEmails(review).toString();
        return d;
    }

    /** Private reviews carry the reviewer's e-mail (for invitations); it is not ours to spread through Kafka. */
    static JsonNode withoutEmails(JsonNode review) {
        if (!(review instanceof ObjectNode object)) {
            return review;
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("referralEmail", "referenceEmail"));
        if (copy.get("consumer") instanceof ObjectNode consumer) {
            consumer.remove("email");
        }
        return copy;
    }

    private static long seconds(String value) {
        try {
            return Math.max(1, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }
}
