package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.AuthorNames;
import io.earshot.reply.domain.Vip;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.redis.VipStore;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.ActionAudit;
import io.earshot.reply.workflow.VipRerank;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * VIP authors, marked by supervisors so that their new comments rank higher (earshot.reply.workflow.vip-boost) and
 * show a badge. One person on several platforms is one VIP through a shared identity name on each account's mark.
 * Items already queued keep their rank (docs/reply-workflow.md says why); their badge shows at once.
 */
@Path("/api/vips")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPERVISOR)
public class VipResource {

    private static final String PLATFORM = "[a-z][a-z0-9_-]{0,31}";
    private static final String AUTHOR = "[^\\s/]{1,200}";

    private final VipStore store;
    private final ActionAudit audit;
    private final SecurityIdentity identity;
    private final VipRerank rerank;
    private final Clock clock = Clock.systemUTC();

    public VipResource(VipStore store, ActionAudit audit, SecurityIdentity identity, VipRerank rerank) {
        this.store = store;
        this.audit = audit;
        this.identity = identity;
        this.rerank = rerank;
    }

    @GET
    @Operation(summary = "Every VIP author (supervisors); identity: only the accounts linked to that name")
    public List<Vip> list(@QueryParam("identity") @Pattern(regexp = "[\\w.@ -]{1,100}", message = "must be a short name")
                          String linked) {
        return store.all().stream().filter(v -> linked == null || linked.equals(v.identity())).toList();
    }

    @GET
    @Path("/{platform}/{authorId}")
    @Operation(summary = "One VIP author (404 when the author is not marked)")
    public Vip get(@PathParam("platform") @Pattern(regexp = PLATFORM, message = "must be a platform name") String platform,
                   @PathParam("authorId") @Pattern(regexp = AUTHOR, message = "must be an author id") String authorId) {
        return store.find(platform, AuthorNames.normalize(authorId))
                .orElseThrow(() -> ProblemException.status(Response.Status.NOT_FOUND, "not a VIP: " + platform + ":" + authorId));
    }

    @PUT
    @Path("/{platform}/{authorId}")
    @Operation(summary = "Mark an author VIP (supervisors)", description = "Their new comments get the VIP priority boost, and their open items are re-ranked now (a reprioritised event each); marking twice boosts once.")
    public Vip mark(@PathParam("platform") @Pattern(regexp = PLATFORM, message = "must be a platform name") String platform,
                    @PathParam("authorId") @Pattern(regexp = AUTHOR, message = "must be an author id") String authorId,
                    @Valid Requests.VipMark body) {
        String linked = body == null || body.identity() == null || body.identity().isBlank() ? null : body.identity().strip();
        Vip vip = new Vip(platform, AuthorNames.normalize(authorId), linked, me(), clock.instant());
        store.put(vip);
        int reranked = rerank.rerank(platform, authorId, true);
        audit.record(me(), ActionEvent.Action.VIP_MARKED, vip.key(), (linked == null ? "no linked identity" : "linked identity set")
                + ", " + reranked + " open items re-ranked");
        return vip;
    }

    @DELETE
    @Path("/{platform}/{authorId}")
    @Operation(summary = "Unmark a VIP author (supervisors)", description = "Their open items lose the boost they got.")
    public Response unmark(@PathParam("platform") @Pattern(regexp = PLATFORM, message = "must be a platform name") String platform,
                           @PathParam("authorId") @Pattern(regexp = AUTHOR, message = "must be an author id") String authorId) {
        String id = AuthorNames.normalize(authorId);
        if (!store.delete(platform, id)) {
            throw ProblemException.status(Response.Status.NOT_FOUND, "not a VIP: " + platform + ":" + authorId);
        }
        int reranked = rerank.rerank(platform, authorId, false);
        audit.record(me(), ActionEvent.Action.VIP_UNMARKED, Vip.key(platform, id), "unmarked, " + reranked + " open items re-ranked");
        return Response.noContent().build();
    }

    private String me() {
        return identity.getPrincipal().getName();
    }
}
