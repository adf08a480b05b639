package io.earshot.reply.api;

import io.earshot.reply.domain.Languages;
import io.earshot.reply.redis.UserLanguages;
import io.earshot.reply.security.Roles;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The signed-in user's own settings: which languages they read (comments in others come with a translation). */
@Path("/api/me/languages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class MeResource {

    @Inject
    UserLanguages languages;

    @Inject
    SecurityIdentity identity;

    @Inject
    ActionAudit audit;

    /**
     * @param languages first = the language comments are translated into
     * @param defaults true while the user has not chosen (the configured defaults apply)
     */
    public record ReaderLanguagesView(String user, List<String> languages, boolean defaults) {
    }

    @GET
    @Operation(summary = "The languages you read")
    public ReaderLanguagesView get() {
        String user = identity.getPrincipal().getName();
        return new ReaderLanguagesView(user, languages.of(user), !languages.chosen(user));
    }

    @PUT
    @Operation(summary = "Set the languages you read", description = "BCP-47 primary language subtags (en, ar, te), "
            + "first = the one comments are translated into; duplicates are dropped. A code with a region or script, "
            + "or not a language (und), is a 400 naming the entry (languages[1]).")
    @APIResponse(responseCode = "400", description = "a code is not a primary language subtag")
    public ReaderLanguagesView put(@Valid @NotNull Requests.ReaderLanguages body) {
        String user = identity.getPrincipal().getName();
        List<String> chosen = Languages.requireList("languages", body.languages());
        languages.set(user, chosen);
        audit.record(user, ActionEvent.Action.READER_LANGUAGES_SET, user, String.join(",", chosen));
        return new ReaderLanguagesView(user, languages.of(user), false);
    }
}
