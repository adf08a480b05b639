package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.ReplyConfig;
import io.earshot.reply.export.ActionExport;
import io.earshot.reply.export.ExportFormat;
import io.earshot.reply.export.QueueExport;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.QueueFilter;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Exports for supervisors, streamed a page at a time (a queue of 100,000 items is never held in memory): the queue as
 * filtered on the dashboard, its items' audit trails, and the action log, each as CSV or JSON Lines. Every export is
 * itself an action on the audit topic (what and in which format, not the search words).
 */
@Path("/api/export")
@RolesAllowed(Roles.SUPERVISOR)
public class ExportResource {

    private final QueueExport queue;
    private final ActionExport actions;
    private final ReplyConfig config;
    private final ActionAudit audit;
    private final SecurityIdentity identity;

    public ExportResource(QueueExport queue, ActionExport actions, ReplyConfig config, ActionAudit audit,
                          SecurityIdentity identity) {
        this.queue = queue;
        this.actions = actions;
        this.config = config;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "Export the queue (supervisors)", description = "The items GET /api/queue would list with the "
            + "same filters, every page, in queue order; comment text with its personal data masked. CSV (UTF-8, header "
            + "row, cells a spreadsheet would run as formulas prefixed with ') or JSON Lines.")
    public Response queue(@QueryParam("format") @DefaultValue("csv") String format, @Valid @BeanParam QueueQuery query) {
        ExportFormat f = format(format);
        QueueFilter filter = query.filter();
        record("queue", f, query.describe());
        return stream(f, "queue", out -> queue.items(filter, config.searchScanLimit(), f, out));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Export the audit trails of the queue's items (supervisors)", description = "Every entry of "
            + "every item the filters select (the same as GET /api/queue's), item by item in queue order: who, what, "
            + "when, from and to state, version, reason. CSV or JSON Lines.")
    public Response audit(@QueryParam("format") @DefaultValue("csv") String format, @Valid @BeanParam QueueQuery query) {
        ExportFormat f = format(format);
        QueueFilter filter = query.filter();
        record("audit", f, query.describe());
        return stream(f, "audit", out -> queue.audit(filter, config.searchScanLimit(), f, out));
    }

    @GET
    @Path("/actions")
    @Operation(summary = "Export the action log (supervisors)", description = "The actions GET /api/audit/actions pages "
            + "through, newest first. CSV or JSON Lines.")
    public Response actions(@QueryParam("format") @DefaultValue("csv") String format) {
        ExportFormat f = format(format);
        record("actions", f, "");
        return stream(f, "actions", out -> actions.actions(f, out));
    }

    private static ExportFormat format(String name) {
        ExportFormat f = ExportFormat.of(name);
        if (f == null) {
            throw ProblemException.badField("format", "must be csv or jsonl");
        }
        return f;
    }

    private static Response stream(ExportFormat format, String what, StreamingOutput body) {
        String file = "earshot-" + what + "-" + LocalDate.now(ZoneOffset.UTC) + "." + format.extension();
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private void record(String what, ExportFormat format, String filters) {
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.DATA_EXPORTED, what,
                format.extension() + (filters.isEmpty() ? "" : ": " + filters));
    }
}
