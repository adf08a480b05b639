package io.earshot.ingest.connector;

import io.earshot.ingest.config.BlueskyConfig;
import io.earshot.ingest.config.GoogleReviewsConfig;
import io.earshot.ingest.config.IngestConfig;
import io.earshot.ingest.config.RedditConfig;
import io.earshot.ingest.config.TrustpilotConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs the pollers and Meta reconciliation, each on its own interval, one at a time on one thread (they are
 * I/O-bound and small). A failing run is logged and the next one happens as planned.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    @Inject
    IngestConfig config;

    @Inject
    YouTubePoller youtube;

    @Inject
    MastodonPoller mastodon;

    @Inject
    XPoller x;

    @Inject
    MetaReconciler meta;

    @Inject
    GoogleReviewsConfig google;

    @Inject
    GoogleReviewsPoller googleReviews;

    @Inject
    TrustpilotConfig trustpilot;

    @Inject
    TrustpilotPoller trustpilotReviews;

    @Inject
    RedditConfig reddit;

    @Inject
    RedditPoller redditMentions;

    @Inject
    RedditSearchPoller redditSearch;

    @Inject
    BlueskyConfig bluesky;

    @Inject
    BlueskyPoller blueskyMentions;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent event) {
        if (!config.pollers().enabled()) {
            return;
        }
        boolean any = !config.youtube().channels().isEmpty() || !config.mastodon().accounts().isEmpty()
                || !config.x().accounts().isEmpty() || !google.locations().isEmpty()
                || !trustpilot.businessUnits().isEmpty() || !reddit.accounts().isEmpty() || !bluesky.accounts().isEmpty() || config.meta().accounts().values().stream().anyMatch(a -> a.accessToken().isPresent());
        if (!any) {
            LOG.info("no poller accounts configured; only webhooks, the API and import take comments");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "earshot-pollers");
            t.setDaemon(true);
            return t;
        });
        schedule("youtube", config.pollers().youtubeInterval(), youtube::pollAll, !config.youtube().channels().isEmpty());
        schedule("mastodon", config.pollers().mastodonInterval(), mastodon::pollAll, !config.mastodon().accounts().isEmpty());
        schedule("x", config.pollers().xInterval(), x::pollAll, !config.x().accounts().isEmpty());
        schedule("google", google.interval(), googleReviews::pollAll, !google.locations().isEmpty());
        schedule("trustpilot", trustpilot.interval(), trustpilotReviews::pollAll, !trustpilot.businessUnits().isEmpty());
        schedule("reddit", reddit.interval(), redditMentions::pollAll, !reddit.accounts().isEmpty());
        schedule("reddit-search", reddit.interval(), redditSearch::pollAll, !redditSearch.accounts().isEmpty());
        schedule("bluesky", bluesky.interval(), blueskyMentions::pollAll, !bluesky.accounts().isEmpty());
        schedule("meta-reconcile", config.pollers().metaReconcileInterval(), meta::reconcileAll, true);
    }

    private void schedule(String name, Duration every, Supplier<List<PollResult>> run, boolean enabled) {
        if (!enabled) {
            return;
        }
        executor.scheduleWithFixedDelay(() -> {
            try {
                for (PollResult result : run.get()) {
                    if (result.read() > 0 || result.stop() != null) {
                        LOG.infof("%s %s: read %d, new %d, duplicates %d%s", name, result.connector(), result.read(),
                                result.accepted(), result.duplicates(), result.stop() == null ? "" : ", stopped: " + result.stop());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s run failed: %s", name, e.toString());
            }
        }, 5, every.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
