package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.security.Roles;
import io.earshot.reply.web.UiLanguageStore;
import io.earshot.reply.web.UiLanguages;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The signed-in user's dashboard language (the words of the pages, not the languages they read comments in, which is
 * {@code /api/me/languages}). Saved per user in Redis; until they choose, the browser's {@code Accept-Language} decides.
 */
@Path("/api/me/ui-language")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.RESPONDER)
public class UiLanguageResource {

    private final UiLanguageStore store;
    private final SecurityIdentity identity;
    private final ActionAudit audit;

    public UiLanguageResource(UiLanguageStore store, SecurityIdentity identity, ActionAudit audit) {
        this.store = store;
        this.identity = identity;
        this.audit = audit;
    }

    /** @param chosen false while the language comes from the browser's Accept-Language (or the English default) */
    public record UiLanguageView(String user, String language, String dir, boolean chosen, List<String> available) {
    }

    @Schema(example = "{\"language\":\"ar\"}")
    public record UiLanguageChoice(@NotNull String language) {
    }

    @GET
    @Operation(summary = "Your dashboard language")
    public UiLanguageView get(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String user = identity.getPrincipal().getName();
        var saved = store.of(user);
        String language = UiLanguages.resolve(saved.orElse(null), acceptLanguage);
        return view(user, language, saved.isPresent());
    }

    @PUT
    @Operation(summary = "Set your dashboard language", description = "One of en, es, ru, ar, ro, te; remembered for "
            + "your user name on every device.")
    @APIResponse(responseCode = "400", description = "not a dashboard language")
    public UiLanguageView put(@NotNull UiLanguageChoice body) {
        String language = body.language() == null ? null : body.language().strip().toLowerCase(java.util.Locale.ROOT);
        if (!UiLanguages.supported(language)) {
            throw ProblemException.badField("language", "must be one of " + codes());
        }
        String user = identity.getPrincipal().getName();
        store.set(user, language);
        audit.record(user, ActionEvent.Action.UI_LANGUAGE_SET, user, language);
        return view(user, language, true);
    }

    private static UiLanguageView view(String user, String language, boolean chosen) {
        return new UiLanguageView(user, language, UiLanguages.dir(language), chosen, codes());
    }

    private static List<String> codes() {
        return UiLanguages.ALL.stream().map(UiLanguages.UiLanguage::code).toList();
    }
}
