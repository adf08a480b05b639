package io.earshot.ingest.connector;

import com.fasterxml.jackson.databind.JsonNode;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.IngestConfig.MetaAccount;
import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.domain.CommentIntake.Outcome;
import io.earshot.ingest.domain.CommentIntake.Status;
import io.earshot.ingest.domain.Times;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Meta webhooks go missing (the most common complaint about every tool built on them), so a periodic backfill
 * reads the recent comments of recent posts and media through the Graph API and publishes each comment the
 * webhook never delivered. Comments already delivered are recognised by the dedup store; the rest are counted in
 * {@code earshot.ingest.meta.reconciled}, the number of webhooks Meta lost.
 */
@ApplicationScoped
public class MetaReconciler implements Poller {

    @Inject
    IngestConfig config;

    @Inject
    PollSupport support;

    @Inject
    ConnectorStatus status;

    @Inject
    PlatformHttp http;

    @Inject
    MeterRegistry metrics;

    /** Thrown when the Graph API refuses the account's token or cannot be reached. */
    private static final class Stop extends Exception {
        final String reason;

        Stop(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    @Override
    public String name() {
        return "meta-reconcile";
    }

    @Override
    public Duration interval() {
        return config.pollers().metaReconcileInterval();
    }

    /** Only accounts with a Graph API token can be read back. */
    @Override
    public boolean enabled() {
        return config.meta().accounts().values().stream().anyMatch(a -> a.accessToken().isPresent());
    }

    @Override
    public List<PollResult> pollAll() {
        return reconcileAll();
    }

    public List<PollResult> reconcileAll() {
        List<PollResult> results = new ArrayList<>();
        config.meta().accounts().forEach((name, account) -> {
            if (account.accessToken().isPresent()) {
                results.add(reconcile(name, account));
            }
        });
        return results;
    }

    public PollResult reconcile(String name, MetaAccount account) {
        String platform = "instagram".equals(account.platform()) ? "instagram" : "facebook";
        Set<String> own = new HashSet<>();
        config.meta().accounts().values().forEach(a -> own.add(a.id()));
        List<CommentDraft> drafts = new ArrayList<>();
        String stop = null;
        try {
            if ("instagram".equals(platform)) {
                instagram(account, own, drafts);
            } else {
                facebook(account, own, drafts);
            }
            status.ok(platform, account.id());
        } catch (Stop e) {
            stop = e.reason;
        }
        List<Outcome> outcomes = support.publish(drafts);
        long caught = outcomes.stream().filter(o -> o.status() == Status.ACCEPTED).count();
        long duplicates = outcomes.stream().filter(o -> o.status() == Status.DUPLICATE).count();
        metrics.counter("earshot.ingest.meta.reconciled", "platform", platform, "account", account.id()).increment(caught);
        return new PollResult(platform + ":" + account.id(), drafts.size(), (int) caught, (int) duplicates, false, stop);
    }

    private void facebook(MetaAccount account, Set<String> own, List<CommentDraft> out) throws Stop {
        long since = Instant.now().minus(config.meta().reconcileWindow()).getEpochSecond();
        JsonNode posts = graph(account, "facebook", "/" + enc(account.id()) + "/posts?fields=id,created_time&limit="
                + config.meta().reconcilePosts() + "&since=" + since);
        for (JsonNode post : posts.path("data")) {
            String postId = post.path("id").asText();
            JsonNode comments = graph(account, "facebook", "/" + enc(postId) + "/comments?filter=stream&order=reverse_chronological"
                    + "&limit=100&fields=id,message,from,created_time,parent{id},permalink_url&since=" + since);
            for (JsonNode c : comments.path("data")) {
                String fromId = c.path("from").path("id").asText(null);
                if (fromId != null && (fromId.equals(account.id()) || own.contains(fromId))) {
                    continue;
                }
                CommentDraft d = new CommentDraft("facebook", c.path("id").asText());
                d.account = account.id();
                d.threadId = postId;
                String parent = c.path("parent").path("id").asText(null);
                d.parentId = parent != null && !parent.equals(postId) ? parent : null;
                d.authorId = fromId != null ? fromId : "unknown";
                d.authorName = c.path("from").path("name").asText(null);
                d.text = c.path("message").asText("");
                d.createdAt = Times.parse(c.get("created_time"));
                d.permalink = c.path("permalink_url").asText(null);
                d.context("postId", postId).context("source", "reconciliation");
                d.raw = c.toString();
                out.add(d);
            }
        }
    }

    private void instagram(MetaAccount account, Set<String> own, List<CommentDraft> out) throws Stop {
        Instant since = Instant.now().minus(config.meta().reconcileWindow());
        JsonNode media = graph(account, "instagram", "/" + enc(account.id()) + "/media?fields=id,timestamp,media_product_type&limit="
                + config.meta().reconcilePosts());
        for (JsonNode m : media.path("data")) {
            String mediaId = m.path("id").asText();
            JsonNode comments = graph(account, "instagram", "/" + enc(mediaId) + "/comments?limit=50"
                    + "&fields=id,text,timestamp,from,username,replies{id,text,timestamp,from,username,parent_id}");
            for (JsonNode c : comments.path("data")) {
                add(account, own, out, c, mediaId, m, null, since);
                for (JsonNode r : c.path("replies").path("data")) {
                    add(account, own, out, r, mediaId, m, c.path("id").asText(), since);
                }
            }
        }
    }

    private static void add(MetaAccount account, Set<String> own, List<CommentDraft> out, JsonNode c, String mediaId,
            JsonNode media, String parentId, Instant since) {
        Instant created = Times.parse(c.get("timestamp"));
        if (created != null && created.isBefore(since)) {
            return;
        }
        String fromId = c.path("from").path("id").asText(null);
        if (fromId != null && (fromId.equals(account.id()) || own.contains(fromId))) {
            return;
        }
        CommentDraft d = new CommentDraft("instagram", c.path("id").asText());
        d.account = account.id();
        d.threadId = mediaId;
        d.parentId = parentId != null ? parentId : c.path("parent_id").asText(null);
        d.authorId = fromId != null ? fromId : "unknown";
        d.authorHandle = c.path("from").path("username").asText(c.path("username").asText(null));
        d.text = c.path("text").asText("");
        d.createdAt = created;
        d.context("mediaId", mediaId).context("mediaProductType", media.path("media_product_type").asText(null))
                .context("source", "reconciliation");
        d.raw = c.toString();
        out.add(d);
    }

    private JsonNode graph(MetaAccount account, String platform, String path) throws Stop {
        PlatformHttp.Reply reply;
        try {
            reply = http.get(config.meta().graphUrl() + path, account.accessToken().orElse(null));
        } catch (IOException e) {
            status.report(platform, account.id(), State.unreachable, e.getClass().getSimpleName());
            throw new Stop("unreachable");
        }
        if (reply.ok()) {
            return reply.json();
        }
        JsonNode error = reply.json().path("error");
        int code = error.path("code").asInt(-1);
        if (code == 190 || reply.status() == 401) {
            status.report(platform, account.id(), State.token_expired,
                    "Graph error " + code + (error.has("error_subcode") ? "/" + error.path("error_subcode").asInt() : ""));
            throw new Stop("token");
        }
        if (code == 4 || code == 17 || code == 32 || code == 613 || reply.status() == 429) {
            status.report(platform, account.id(), State.rate_limited, "Graph error " + code);
            throw new Stop("rate_limited");
        }
        status.report(platform, account.id(), State.unreachable, "HTTP " + reply.status() + ", Graph error " + code);
        throw new Stop("error");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
