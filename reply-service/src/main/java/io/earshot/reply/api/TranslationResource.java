package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.Actor;
import io.earshot.reply.domain.Languages;
import io.earshot.reply.platform.LlmTranslator;
import io.earshot.reply.redis.UserLanguages;
import io.earshot.reply.security.Roles;
import io.earshot.reply.workflow.TranslationService;
import io.earshot.reply.workflow.TranslationService.CommentTranslation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Machine translation for staff who do not read a comment's language: the comment into theirs, their reply into the
 * commenter's. Both go through the optional LLM endpoint; without one every call here is a {@code 409} saying so.
 * A timeout or refusal of the model is an answer (status failed or refused, with the reason), not an error, and
 * leaves the item as it was.
 */
@Path("/api/queue/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class TranslationResource {

    @Inject
    TranslationService translations;

    @Inject
    UserLanguages languages;

    @Inject
    ItemViews views;

    @Inject
    SecurityIdentity identity;

    /** What became of a reply translation, and the item as it now is. */
    public record ReplyTranslationResult(LlmTranslator.TranslationStatus status, String reason, ItemView item) {
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    @GET
    @Path("/translation")
    @Operation(summary = "The comment's cached machine translation", description = "Into the first language you read, "
            + "or `to`; 404 when it was not translated yet (POST translates).")
    @APIResponse(responseCode = "404", description = "not translated yet")
    @APIResponse(responseCode = "409", description = "translation unavailable (no endpoint configured)")
    public CommentTranslation cached(@PathParam("id") String id,
                                     @Parameter(description = "target language, default the first one you read") @QueryParam("to") String to) {
        String target = translations.target(user(), to);
        return translations.cachedComment(id, target).orElseThrow(() -> ProblemException.status(
                Response.Status.NOT_FOUND, "the comment was not translated into " + target + " yet; POST to translate it"));
    }

    @POST
    @Path("/translation")
    @Operation(summary = "Machine-translate the comment", description = "Into the first language you read, or `to`. "
            + "Cached per item, comment version and target language; every request is audited. status is translated "
            + "(text set, machineTranslated true, provider and model named), refused (the model would not) or failed "
            + "(timeout, error); the last two carry a reason and no text.")
    @APIResponse(responseCode = "409", description = "translation unavailable (no endpoint configured)")
    public CommentTranslation translate(@PathParam("id") String id,
                                        @Parameter(description = "target language, default the first one you read") @QueryParam("to") String to) {
        return translations.translateComment(id, user(), translations.target(user(), to));
    }

    @POST
    @Path("/draft/translation")
    @Operation(summary = "Write the reply in your language and machine-translate it into the commenter's",
            description = "Only the claimant, at the version you saw. The translation becomes the draft, keeping your "
                    + "text and a back-translation; approving it then needs the shownTextHash of a view that showed "
                    + "both. status refused or failed leaves the draft unchanged.")
    @APIResponse(responseCode = "409", description = "translation unavailable, stale version, or someone else's claim")
    @APIResponse(responseCode = "422", description = "the comment's language is unknown")
    public ReplyTranslationResult translateReply(@PathParam("id") String id, @Valid @NotNull Requests.TranslateReply body) {
        String from = body.from() == null || body.from().isBlank() ? languages.of(user()).get(0) : Languages.require("from", body.from());
        Actor actor = new Actor(user(), identity.hasRole(Roles.SUPERVISOR), identity.hasRole(Roles.ADMIN));
        TranslationService.ReplyOutcome o = translations.translateReply(id, actor, body.text(), from, body.version());
        return new ReplyTranslationResult(o.status(), o.reason(), views.of(o.item()));
    }
}
