package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.commons.oauth.OAuthProvider;
import io.earshot.commons.oauth.TokenRefresher;
import io.earshot.ingest.config.GoogleReviewsConfig;
import io.earshot.ingest.config.GoogleReviewsConfig.Location;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.Times;
import io.earshot.ingest.messaging.CommentIngested.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls Google Business Profile {@code GET {location}/reviews?orderBy=updateTime desc} per location, page by page,
 * until a review updated before the cursor (the newest {@code updateTime} seen, kept in Redis and moved only after
 * Kafka acknowledged). A review whose {@code updateTime} is after its {@code createTime} was edited by its author and
 * is published as an edit (a new version, once per text and rating). The star rating travels in the event context
 * as {@code starRating} (1-5).
 */
@ApplicationScoped
public class GoogleReviewsPoller extends AccountPoller<Location> {

    static final String PLATFORM = "google";
    static final Map<String, Integer> STARS = Map.of("ONE", 1, "TWO", 2, "THREE", 3, "FOUR", 4, "FIVE", 5);

    @Inject
    GoogleReviewsConfig config;

    @Inject
    AccessTokens tokens;

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    Map<String, Location> accounts() {
        return config.locations();
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

    /** One page of a location's reviews, newest update first; the cursor is the newest {@code updateTime}. */
    @Override
    Page fetchPage(Pass<Location> pass, String pageToken) throws IOException {
        Location location = pass.account;
        TokenRefresher token = tokens.of(OAuthProvider.GOOGLE, pass.name, location.accessToken(), location.refreshToken(),
                config.oauth(), null);
        String url = config.baseUrl().replaceAll("/+$", "") + "/" + location.name() + "/reviews?pageSize=50&orderBy="
                + enc("updateTime desc") + (pageToken == null ? "" : "&pageToken=" + enc(pageToken));
        PlatformHttp.Reply reply = http.getAuthorized(url, token, null);
        if (!reply.ok()) {
            return Page.failed(failure(pass.name, reply, token));
        }
        Optional<Instant> since = pass.cursor.map(Instant::parse);
        List<CommentDraft> drafts = new ArrayList<>();
        for (JsonNode review : reply.json().path("reviews")) {
            Instant updated = Times.parse(review.get("updateTime"));
            if (since.isPresent() && updated != null && updated.isBefore(since.get())) {
                return Page.of(drafts, null, true);
            }
            if (updated != null && (pass.newest == null || updated.isAfter(Instant.parse(pass.newest)))) {
                pass.newest = updated.toString();
            }
            drafts.add(draft(location, review));
        }
        return Page.of(drafts, reply.json().path("nextPageToken").asText(null), false);
    }

    /** Google answers {@code {"error":{"code":401,"status":"UNAUTHENTICATED"}}} for an expired token. */
    private String failure(String name, PlatformHttp.Reply reply, TokenRefresher token) {
        JsonNode error = reply.json().path("error");
        String reason = error.path("status").asText("");
        if (PlatformHttp.refused(reply)) {
            status.report(PLATFORM, name, State.token_expired, "HTTP " + reply.status() + " from reviews.list"
                    + token.failure().map(f -> "; " + f).orElse(""));
            return "token";
        }
        if (reply.status() == 429 || "RESOURCE_EXHAUSTED".equals(reason)) {
            status.report(PLATFORM, name, State.rate_limited, "HTTP " + reply.status() + " " + reason);
            return "rate_limited";
        }
        status.report(PLATFORM, name, State.unreachable, "HTTP " + reply.status() + (reason.isEmpty() ? "" : " " + reason));
        return "error";
    }

    static CommentDraft draft(Location location, JsonNode review) {
        String reviewName = review.path("name").asText(location.name() + "/reviews/" + review.path("reviewId").asText());
        CommentDraft d = new CommentDraft(PLATFORM, reviewName);
        d.account = location.name();
        d.threadId = reviewName;
        JsonNode reviewer = review.path("reviewer");
        boolean anonymous = reviewer.path("isAnonymous").asBoolean(false);
        d.authorId = anonymous ? "anonymous" : "google:" + reviewer.path("displayName").asText("unknown");
        d.authorName = anonymous ? null : reviewer.path("displayName").asText(null);
        d.text = review.path("comment").asText("");
        d.createdAt = Times.parse(review.get("createTime"));
        Instant updated = Times.parse(review.get("updateTime"));
        if (d.createdAt != null && updated != null && updated.isAfter(d.createdAt)) {
            d.action = Action.edited;
            d.revisedAt = updated;
        }
        d.context("starRating", STARS.get(review.path("starRating").asText()))
                .context("reviewId", review.path("reviewId").asText(null))
                .context("updateTime", updated == null ? null : updated.toString())
                .context("hasReply", review.path("reviewReply").isObject() ? Boolean.TRUE : null);
        d.raw = review.toString();
        return d;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
