package io.earshot.reply.api;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.ReplyConfig;
import io.earshot.reply.config.WorkflowConfig;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItemJson;
import io.earshot.reply.domain.ReplyLint;
import io.earshot.reply.domain.Workflow.Action;
import io.earshot.reply.domain.WorkflowException;
import io.earshot.reply.redis.QueueFilter;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.Lints;
import io.earshot.reply.workflow.ModerationService;
import io.earshot.reply.workflow.QueueService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The human queue: what waits for a reply, most urgent first, and what responders and supervisors do with it.
 * Every action answers with the item as it now is; a refused action is a {@code 409} problem saying why (who holds
 * the claim, or that the item changed since it was loaded).
 */
@Path("/api/queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class QueueResource {

    private static final String CONFLICT_EXAMPLE = """
            {"type":"https://earshot.io/problems/409","title":"Conflict","status":409,
             "detail":"the item is claimed by ana","instance":"/api/queue/0b96.../claim"}""";

    @Inject
    QueueStore store;

    @Inject
    ReplyConfig config;

    @Inject
    WorkflowConfig workflow;

    @Inject
    QueueService service;

    @Inject
    ModerationService moderation;

    @Inject
    Lints lints;

    @Inject
    ItemViews views;

    @Inject
    SecurityIdentity identity;

    Actor actor() {
        return new Actor(identity.getPrincipal().getName(), identity.hasRole(Roles.SUPERVISOR), identity.hasRole(Roles.ADMIN));
    }

    @GET
    @Operation(summary = "List the queue", description = "Most urgent first, then the earliest SLA deadline. Page with "
            + "the returned nextCursor. Every filter is served here, on the whole queue (not on pages already loaded).")
    public ItemPage list(
            @Valid @BeanParam QueueQuery query,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.badField("limit", "must be between 1 and " + config.maxPageSize());
        }
        QueueFilter filter = query.filter();
        try {
            QueueStore.Page page = store.page(filter, cursor, limit, config.searchScanLimit());
            return new ItemPage(views.flat(page.items()), page.nextCursor());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("cursor", "is not a cursor this API returned");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One queue item", description = "The comment, triage's verdict, the draft with its lint, "
            + "suggestions from earlier approved replies, the live claim, the thread and the author's earlier comments")
    public ItemView get(@PathParam("id") String id) {
        return view(service.get(id));
    }

    ItemView view(QueueItem stored) {
        return views.of(stored);
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Claim the item (or renew your claim)", description = "A claim is a lock with a TTL; claim "
            + "again to renew it while you work. Only the claimant edits or approves. takeover=true lets a supervisor "
            + "take a claim from someone else.")
    @APIResponse(responseCode = "409", description = "someone else holds the claim",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "claimed", value = CONFLICT_EXAMPLE)))
    public ItemView claim(@PathParam("id") String id, @QueryParam("takeover") @DefaultValue("false") boolean takeover) {
        return view(service.claim(id, actor(), takeover));
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Give the claim back: the item is pending again")
    public ItemView release(@PathParam("id") String id) {
        return view(service.release(id, actor()));
    }

    @PUT
    @Path("/{id}/draft")
    @Operation(summary = "Edit the draft", description = "Only the claimant; version must be the item's current version, else 409 (a stale edit).")
    @APIResponse(responseCode = "409", description = "stale version, or the claim is someone else's",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "stale", value = """
                    {"type":"https://earshot.io/problems/409","title":"Conflict","status":409,
                     "detail":"the item changed since you loaded it: you sent version 3, it is at version 4; reload it"}""")))
    public ItemView editDraft(@PathParam("id") String id, @Valid @NotNull Requests.DraftEdit body) {
        return view(service.editDraft(id, actor(), body.text(), body.version()));
    }

    @POST
    @Path("/{id}/lint")
    @Operation(summary = "Lint a reply", description = "The given text, or the current draft: length per platform, "
            + "unresolved slots, personal data, language, links outside the allow-list, empty.")
    public ReplyLint.Result lint(@PathParam("id") String id, Requests.LintRequest body) {
        QueueItem item = service.get(id);
        return lints.lint(item, body != null && body.text() != null ? body.text() : item.draftText());
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve the draft: it will be published once", description = "Only the claimant. A failing "
            + "lint blocks approval (422) unless a supervisor sets override=true, which is audited. A machine-translated "
            + "draft needs shownTextHash, the translation.reply.shownTextHash of the view that showed it in both "
            + "languages: without it 422, and 409 when the draft changed since.")
    @APIResponse(responseCode = "422", description = "the lint fails, or a machine-translated draft is approved without shownTextHash")
    @APIResponse(responseCode = "409", description = "stale version, someone else's claim, or a translated draft that changed after it was shown")
    public ItemView approve(@PathParam("id") String id, @Valid Requests.Approve body) {
        Requests.Approve b = body == null ? new Requests.Approve(null, false) : body;
        return view(service.approve(id, actor(), b.version(), b.override(), b.shownTextHash()));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject: no reply will be sent")
    public ItemView reject(@PathParam("id") String id, @Valid @NotNull Requests.Reason body) {
        return view(service.reject(id, actor(), body.reason()));
    }

    @POST
    @Path("/{id}/escalate")
    @Operation(summary = "Escalate to a supervisor")
    public ItemView escalate(@PathParam("id") String id, @Valid Requests.OptionalReason body) {
        return view(service.escalate(id, actor(), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/snooze")
    @Operation(summary = "Snooze until a time or for some minutes; it then returns to the queue")
    public ItemView snooze(@PathParam("id") String id, @Valid @NotNull Requests.Snooze body) {
        Duration maxSnooze = workflow.maxSnooze();
        Instant until;
        if (body.until() != null) {
            until = body.until();
        } else if (body.minutes() != null && body.minutes() > 0 && body.minutes() <= maxSnooze.toMinutes()) {
            until = service.now().plus(Duration.ofMinutes(body.minutes()));
        } else {
            throw ProblemException.badField("minutes", "give until, or minutes between 1 and " + maxSnooze.toMinutes());
        }
        if (!until.isAfter(service.now())) {
            throw ProblemException.badField("until", "must be in the future");
        }
        if (until.isAfter(service.now().plus(maxSnooze))) {
            throw ProblemException.badField("until", "must be at most " + maxSnooze.toMinutes() + " minutes ahead "
                    + "(earshot.reply.workflow.max-snooze)");
        }
        return view(service.snooze(id, actor(), until));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Assign to a person and/or a team (supervisors)")
    public ItemView assign(@PathParam("id") String id, @Valid @NotNull Requests.Assign body) {
        requireAssignee(body.assignee(), body.team());
        return view(service.assign(id, actor(), blankToNull(body.assignee()), blankToNull(body.team())));
    }

    @POST
    @Path("/{id}/hide")
    @Operation(summary = "Hide the comment on its platform (confirmed by you)")
    public ItemView hide(@PathParam("id") String id, @Valid Requests.OptionalReason body) {
        return view(moderation.moderate(id, actor(), Action.HIDE, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/unhide")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Show a hidden comment again (supervisors)")
    public ItemView unhide(@PathParam("id") String id, @Valid Requests.OptionalReason body) {
        return view(moderation.moderate(id, actor(), Action.UNHIDE, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/delete-comment")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Delete the comment on its platform (supervisors)")
    public ItemView deleteComment(@PathParam("id") String id, @Valid Requests.OptionalReason body) {
        return view(moderation.moderate(id, actor(), Action.DELETE, body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Publish a failed reply again", description = "Same approval and idempotency key: it cannot publish twice.")
    public ItemView retry(@PathParam("id") String id) {
        return view(service.retry(id, actor()));
    }

    /** What happened to each item of a bulk action: the new state, or the problem. */
    public record BulkResult(Map<String, String> results) {
    }

    @POST
    @Path("/bulk/reject")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Reject several items (supervisors)")
    public BulkResult bulkReject(@Valid @NotNull Requests.Bulk body) {
        String reason = body.reason() == null || body.reason().isBlank() ? "bulk reject" : body.reason();
        return bulk(body.ids(), id -> service.reject(id, actor(), reason).state().name());
    }

    @POST
    @Path("/bulk/hide")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Hide the comments of several items (supervisors)")
    public BulkResult bulkHide(@Valid @NotNull Requests.Bulk body) {
        return bulk(body.ids(), id -> moderation.moderate(id, actor(), Action.HIDE, body.reason()).moderation().status());
    }

    @POST
    @Path("/bulk/assign")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Assign several items (supervisors)")
    public BulkResult bulkAssign(@Valid @NotNull Requests.Bulk body) {
        requireAssignee(body.assignee(), body.team());
        return bulk(body.ids(), id -> service.assign(id, actor(), blankToNull(body.assignee()), blankToNull(body.team())).state().name());
    }

    private static BulkResult bulk(List<String> ids, java.util.function.Function<String, String> action) {
        Map<String, String> results = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                results.put(id, action.apply(id));
            } catch (WorkflowException e) {
                Problem problem = WorkflowProblems.problem(e);
                results.put(id, problem.status() + " " + problem.detail());
            }
        }
        return new BulkResult(results);
    }

    private static void requireAssignee(String assignee, String team) {
        if (blankToNull(assignee) == null && blankToNull(team) == null) {
            throw ProblemException.badField("assignee", "give an assignee or a team");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
