package io.earshot.reply.api;

import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.QueueService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How the team is doing: what is in the queue, how fast replies go out, how many missed their SLA. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class StatsResource {

    @Inject
    QueueStore store;

    @Inject
    QueueService service;

    /**
     * @param responseSeconds from the comment to our published reply: p50, p90, p99 and max, in seconds
     * @param slaBreaches open items past their deadline, and replies published after it
     */
    public record Stats(long total, Map<String, Long> byState, Map<String, Long> byLabel, Map<String, Long> byPlatform,
                        Map<String, Long> byLanguage, Map<String, Long> responseSeconds, Map<String, Long> slaBreaches,
                        Instant at) {
    }

    @GET
    @Operation(summary = "Counts by state, label, platform and language; response-time percentiles; SLA breaches")
    public Stats stats() {
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byLabel = new TreeMap<>();
        Map<String, Long> byPlatform = new TreeMap<>();
        Map<String, Long> byLang = new TreeMap<>();
        List<Long> response = new ArrayList<>();
        long[] breaches = new long[2];
        long[] total = new long[1];
        Instant now = service.now();
        store.forEach(stored -> {
            QueueItem item = service.current(stored);
            total[0]++;
            byState.merge(item.state().name(), 1L, Long::sum);
            byLabel.merge(String.valueOf(item.label()), 1L, Long::sum);
            byPlatform.merge(String.valueOf(item.platform()), 1L, Long::sum);
            byLang.merge(String.valueOf(item.lang()), 1L, Long::sum);
            Instant published = item.publication() == null ? null : item.publication().publishedAt();
            if (published != null && item.commentCreatedAt() != null) {
                response.add(Duration.between(item.commentCreatedAt(), published).toSeconds());
                if (item.slaDeadline() != null && published.isAfter(item.slaDeadline())) {
                    breaches[1]++;
                }
            } else if (!item.state().terminal() && item.slaDeadline() != null && now.isAfter(item.slaDeadline())) {
                breaches[0]++;
            }
        });
        Collections.sort(response);
        Map<String, Long> percentiles = new TreeMap<>();
        if (!response.isEmpty()) {
            percentiles.put("p50", percentile(response, 50));
            percentiles.put("p90", percentile(response, 90));
            percentiles.put("p99", percentile(response, 99));
            percentiles.put("max", response.get(response.size() - 1));
            percentiles.put("count", (long) response.size());
        }
        return new Stats(total[0], byState, byLabel, byPlatform, byLang, percentiles,
                Map.of("open", breaches[0], "published", breaches[1]), now);
    }

    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
