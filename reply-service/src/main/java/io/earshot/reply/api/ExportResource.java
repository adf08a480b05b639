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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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
    public Response queue(@QueryParam("format") @DefaultValue("csv") String format,
                          @QueryParam("label") @Pattern(regexp = "praise|complaint|neutral", message = "must be praise, complaint or neutral") String label,
                          @QueryParam("platform") @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be a platform name") String platform,
                          @QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
                          @Parameter(description = "a flag triage set") @QueryParam("flag") String flag,
                          @QueryParam("state") @Pattern(regexp = "[a-z,]{1,200}", message = "must be states separated by commas") String state,
                          @QueryParam("assignee") @Pattern(regexp = "[\\w.@ -]{1,100}", message = "must be a user or team name") String assignee,
                          @Parameter(description = "search, as in GET /api/queue") @QueryParam("q") String q) {
        ExportFormat f = format(format);
        QueueFilter filter = QueueQuery.filter(label, platform, lang, flag, state, assignee, q);
        record("queue", f, label, platform, lang, flag, state, assignee, q);
        return stream(f, "queue", out -> queue.items(filter, config.searchScanLimit(), f, out));
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Export the audit trails of the queue's items (supervisors)", description = "Every entry of "
            + "every item the filters select (the same as GET /api/queue's), item by item in queue order: who, what, "
            + "when, from and to state, version, reason. CSV or JSON Lines.")
    public Response audit(@QueryParam("format") @DefaultValue("csv") String format,
                          @QueryParam("label") @Pattern(regexp = "praise|complaint|neutral", message = "must be praise, complaint or neutral") String label,
                          @QueryParam("platform") @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be a platform name") String platform,
                          @QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
                          @QueryParam("flag") String flag,
                          @QueryParam("state") @Pattern(regexp = "[a-z,]{1,200}", message = "must be states separated by commas") String state,
                          @QueryParam("assignee") @Pattern(regexp = "[\\w.@ -]{1,100}", message = "must be a user or team name") String assignee,
                          @QueryParam("q") String q) {
        ExportFormat f = format(format);
        QueueFilter filter = QueueQuery.filter(label, platform, lang, flag, state, assignee, q);
        record("audit", f, label, platform, lang, flag, state, assignee, q);
        return stream(f, "audit", out -> queue.audit(filter, config.searchScanLimit(), f, out));
    }

    @GET
    @Path("/actions")
    @Operation(summary = "Export the action log (supervisors)", description = "The actions GET /api/audit/actions pages "
            + "through, newest first. CSV or JSON Lines.")
    public Response actions(@QueryParam("format") @DefaultValue("csv") String format) {
        ExportFormat f = format(format);
        record("actions", f, null, null, null, null, null, null, null);
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

    private void record(String what, ExportFormat format, String label, String platform, String lang, String flag,
                        String state, String assignee, String q) {
        StringJoiner detail = new StringJoiner(", ", format.extension() + (label == null && platform == null
                && lang == null && flag == null && state == null && assignee == null && q == null ? "" : ": "), "");
        add(detail, "label", label);
        add(detail, "platform", platform);
        add(detail, "lang", lang);
        add(detail, "flag", flag);
        add(detail, "state", state);
        add(detail, "assignee", assignee);
        if (q != null && !q.isBlank()) {
            detail.add("with a search"); // the words may name a person: not in the audit
        }
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.DATA_EXPORTED, what, detail.toString());
    }

    private static void add(StringJoiner detail, String name, String value) {
        if (value != null && !value.isBlank()) {
            detail.add(name + "=" + value);
        }
    }
}
