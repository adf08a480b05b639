package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.config.SavedRepliesConfig;
import io.earshot.reply.config.TeamsConfig;
import io.earshot.reply.domain.DraftTemplates;
import io.earshot.reply.domain.QueueItem;
import io.earshot.reply.domain.QueueItems;
import io.earshot.reply.domain.SavedReply;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.QueueStore;
import io.earshot.reply.redis.SavedReplyStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Saved replies, so a responder does not retype the answers they give every day: each user keeps their own, a
 * supervisor keeps a team's for its members. A reply someone may not see answers 404, as if it did not exist, so ids
 * reveal nothing. Slots are those of the templates, checked the same way, and filled for an item on request.
 */
@Path("/api/saved-replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class SavedReplyResource {

    /** A saved reply as the API shows it; {@code filled} is its text with the slots filled for the item asked about. */
    public record View(String id, String title, String lang, String text, String owner, long version, String updatedBy,
                       Instant updatedAt, String filled) {

        static View of(SavedReply r, String filled) {
            return new View(r.id(), r.title(), r.lang(), r.text(), r.owner(), r.version(), r.updatedBy(), r.updatedAt(),
                    filled);
        }
    }

    private final SavedReplyStore store;
    private final QueueStore queue;
    private final DraftTemplates templates;
    private final TeamsConfig teams;
    private final SavedRepliesConfig config;
    private final ActionAudit audit;
    private final SecurityIdentity identity;
    private final Clock clock = Clock.systemUTC();

    public SavedReplyResource(SavedReplyStore store, QueueStore queue, DraftTemplates templates, TeamsConfig teams,
                              SavedRepliesConfig config, ActionAudit audit, SecurityIdentity identity) {
        this.store = store;
        this.queue = queue;
        this.templates = templates;
        this.teams = teams;
        this.config = config;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Your saved replies and your teams'",
            description = "lang: only those in that language. owner: only one owner's (your own, a team you are in; "
                    + "supervisors: any team). item: each reply's slots filled for that item, the item's language first.")
    public List<View> list(@QueryParam("lang") @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 code") String lang,
                           @QueryParam("owner") @Size(max = 110) String owner,
                           @QueryParam("item") @Size(max = 200) String itemId) {
        Set<String> owners;
        if (owner != null) {
            if (!SavedReply.validOwner(owner) || !canSee(owner)) {
                throw ProblemException.status(Response.Status.NOT_FOUND, "no saved replies of " + owner + " for you");
            }
            owners = Set.of(owner);
        } else {
            owners = new LinkedHashSet<>();
            owners.add(SavedReply.user(me()));
            teams.of(me()).forEach(team -> owners.add(SavedReply.team(team)));
        }
        QueueItem item = itemId == null ? null : queue.find(itemId)
                .orElseThrow(() -> ProblemException.status(Response.Status.NOT_FOUND, "no item " + itemId));
        String first = item == null ? lang : item.lang();
        return store.of(owners).stream()
                .filter(r -> lang == null || lang.equals(r.lang()))
                .sorted(Comparator.comparing((SavedReply r) -> !r.lang().equals(first))
                        .thenComparing(r -> r.title().toLowerCase(java.util.Locale.ROOT)).thenComparing(SavedReply::id))
                .map(r -> View.of(r, item == null ? null : fill(r, item)))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One saved reply (404 when it is not yours or your team's)")
    public View get(@PathParam("id") String id) {
        return View.of(visible(id), null);
    }

    @POST
    @Operation(summary = "Save a reply for yourself, or for a team (supervisors)")
    public Response create(@Valid @NotNull Requests.SavedReplyNew body) {
        String owner = body.owner() == null || body.owner().isBlank() ? SavedReply.user(me()) : body.owner().strip();
        if (!SavedReply.validOwner(owner)) {
            throw ProblemException.badField("owner", "must be user:<name> or team:<name>");
        }
        if (owner.startsWith("user:") && !owner.equals(SavedReply.user(me()))) {
            throw ProblemException.badField("owner", "must be your own (" + SavedReply.user(me()) + ") or a team's");
        }
        if (owner.startsWith("team:") && !supervisor()) {
            throw ProblemException.status(Response.Status.FORBIDDEN, "only supervisors keep a team's saved replies");
        }
        checkSlots(body.text());
        SavedReply reply = new SavedReply(UUID.randomUUID().toString(), body.title().strip(), body.lang(), body.text(),
                owner, 1, me(), clock.instant());
        if (!store.create(reply, config.maxPerOwner())) {
            throw ProblemException.status(Response.Status.CONFLICT,
                    owner + " already keeps " + config.maxPerOwner() + " saved replies; delete one first");
        }
        audit.record(me(), ActionEvent.Action.SAVED_REPLY_CREATED, reply.id(), detail(reply));
        return Response.status(Response.Status.CREATED).entity(View.of(reply, null)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a saved reply, naming the version it was edited from (409 when it changed meanwhile)")
    public View update(@PathParam("id") String id, @Valid @NotNull Requests.SavedReplyEdit body) {
        SavedReply current = manageable(id);
        checkSlots(body.text());
        SavedReply after = current.edited(body.title().strip(), body.lang(), body.text(), me(), clock.instant(),
                body.version());
        refuseUnless(store.update(after, body.version()), id);
        audit.record(me(), ActionEvent.Action.SAVED_REPLY_UPDATED, id, detail(after));
        return View.of(after, null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a saved reply; with ?version= only if it is still that version")
    public Response delete(@PathParam("id") String id, @QueryParam("version") Long version) {
        SavedReply current = manageable(id);
        refuseUnless(store.delete(current, version), id);
        audit.record(me(), ActionEvent.Action.SAVED_REPLY_DELETED, id, "owner " + current.owner());
        return Response.noContent().build();
    }

    private SavedReply visible(String id) {
        return store.find(id).filter(r -> canSee(r.owner()))
                .orElseThrow(() -> ProblemException.status(Response.Status.NOT_FOUND, "no saved reply " + id));
    }

    /** A reply the caller may change: their own, or any team's for a supervisor; a team member sees but may not. */
    private SavedReply manageable(String id) {
        SavedReply reply = visible(id);
        if (reply.ownedByTeam() && !supervisor()) {
            throw ProblemException.status(Response.Status.FORBIDDEN, "only supervisors change a team's saved replies");
        }
        return reply;
    }

    private boolean canSee(String owner) {
        if (owner.equals(SavedReply.user(me()))) {
            return true;
        }
        return owner.startsWith("team:")
                && (supervisor() || teams.of(me()).contains(owner.substring("team:".length())));
    }

    private static void refuseUnless(SavedReplyStore.Outcome outcome, String id) {
        if (outcome.missing()) {
            throw ProblemException.status(Response.Status.NOT_FOUND, "no saved reply " + id);
        }
        if (!outcome.done()) {
            throw ProblemException.status(Response.Status.CONFLICT,
                    "saved reply " + id + " is at version " + outcome.currentVersion() + "; reload it and edit again");
        }
    }

    private static void checkSlots(String text) {
        try {
            DraftTemplates.validate(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("text", e.getMessage());
        }
    }

    private String fill(SavedReply reply, QueueItem item) {
        return templates.render(reply.text(), QueueItems.authorName(item), QueueItems.caseReference(item.id()));
    }

    private static String detail(SavedReply reply) {
        return "owner " + reply.owner() + ", " + reply.lang() + ", " + reply.text().length() + " characters, v"
                + reply.version();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    private boolean supervisor() {
        return identity.hasRole(Roles.SUPERVISOR);
    }
}
