package io.earshot.reply.web;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.DashboardStats;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.workflow.SlaPolicy;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The numbers behind the dashboard's stats page, as charts and as CSV, computed from the queue. */
@Path("/api/dashboard/stats")
@Authenticated
@Blocking
public class DashboardStatsResource {

    @Inject
    QueueStore store;

    @Inject
    SlaPolicy sla;

    Clock clock = Clock.systemUTC();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dashboard charts for the last N days (UTC)",
            description = "byLabel, byPlatform, byLanguage, responseTime (median and 90th percentile minutes per label), "
                    + "slaBreaches, byResponder; each chart has labels (x) and named series.")
    public DashboardStats.Report report(@QueryParam("days") @DefaultValue("7") int days) {
        if (days < 1 || days > 366) {
            throw ProblemException.badField("days", "must be between 1 and 366");
        }
        Instant now = clock.instant();
        return DashboardStats.report(allItems(), LocalDate.ofInstant(now, ZoneOffset.UTC), days, now, sla.sla(),
                item -> item.approval() == null ? null : item.approval().by(),
                item -> item.publication() == null ? null : item.publication().publishedAt());
    }

    @GET
    @Path("{chart}.csv")
    @Produces("text/csv")
    @Operation(summary = "One dashboard chart as CSV, exactly what the chart shows")
    public Response csv(@jakarta.ws.rs.PathParam("chart") String chart, @QueryParam("days") @DefaultValue("7") int days) {
        DashboardStats.Chart c = report(days).charts().get(chart);
        if (c == null) {
            throw ProblemException.badField("chart", "must be one of " + report(days).charts().keySet());
        }
        return Response.ok(DashboardStats.csv(c), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"earshot-" + chart + "-" + days + "d.csv\"")
                .build();
    }

    private List<QueueItem> allItems() {
        List<QueueItem> all = new ArrayList<>();
        store.forEach(all::add);
        return all;
    }
}
