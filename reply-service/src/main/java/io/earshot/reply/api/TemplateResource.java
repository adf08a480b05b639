package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.domain.DraftTemplates;
import io.earshot.reply.redis.TemplateStore;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.earshot.reply.messaging.ActionEvent;
import io.earshot.reply.workflow.ActionAudit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reply templates as data: per language, kind (praise, complaint, neutral, question) and optionally topic. Admins
 * change them; an admin's template wins over the built-in one, and deleting it restores the built-in one. Unknown
 * slots are rejected. Abuse and spam have no template on purpose: they get a hide suggestion, never a reply.
 */
@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    DraftTemplates templates;

    @Inject
    TemplateStore store;

    @Inject
    ActionAudit audit;

    @Inject
    SecurityIdentity identity;

    /** One template: where it applies and whether an admin wrote it. */
    public record Template(String lang, String kind, String topic, String text, boolean custom) {
    }

    @GET
    @RolesAllowed(Roles.RESPONDER)
    @Operation(summary = "Every template in effect (built-in and custom)")
    public List<Template> list() {
        List<Template> all = new ArrayList<>();
        Map<String, String> custom = store.all();
        for (String lang : templates.languages().stream().sorted().toList()) {
            for (String kind : DraftTemplates.KINDS) {
                String key = lang + ":" + kind;
                String text = custom.getOrDefault(key, templates.builtIn(lang, kind));
                all.add(new Template(lang, kind, null, text, custom.containsKey(key)));
            }
        }
        custom.forEach((key, text) -> {
            String[] parts = key.split(":", 3);
            if (parts.length == 3) {
                all.add(new Template(parts[0], parts[1], parts[2], text, true));
            } else if (!templates.languages().contains(parts[0])) {
                all.add(new Template(parts[0], parts[1], null, text, true));
            }
        });
        return all;
    }

    @GET
    @Path("/{lang}/{kind}")
    @RolesAllowed(Roles.RESPONDER)
    @Operation(summary = "One template")
    public Template get(@PathParam("lang") String lang, @PathParam("kind") String kind, @QueryParam("topic") String topic) {
        String key = key(lang, kind, topic);
        String custom = store.get(key);
        if (custom != null) {
            return new Template(lang, kind, topic, custom, true);
        }
        String builtIn = topic == null ? templates.builtIn(lang, kind) : null;
        if (builtIn == null) {
            throw ProblemException.status(Response.Status.NOT_FOUND, "no template " + key);
        }
        return new Template(lang, kind, null, builtIn, false);
    }

    @PUT
    @Path("/{lang}/{kind}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a template (admins)", description = "Slots: {author} {brand} {signature} {case}; any other is rejected.")
    public Template put(@PathParam("lang") String lang, @PathParam("kind") String kind, @QueryParam("topic") String topic,
                        @Valid @NotNull Requests.TemplateText body) {
        String key = key(lang, kind, topic);
        try {
            DraftTemplates.validate(body.text());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("text", e.getMessage());
        }
        store.put(key, body.text());
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.TEMPLATE_SAVED, key,
                body.text().length() + " characters");
        return new Template(lang, kind, topic, body.text(), true);
    }

    @DELETE
    @Path("/{lang}/{kind}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a custom template (admins); the built-in one applies again")
    public Response delete(@PathParam("lang") String lang, @PathParam("kind") String kind, @QueryParam("topic") String topic) {
        if (!store.delete(key(lang, kind, topic))) {
            throw ProblemException.status(Response.Status.NOT_FOUND, "no custom template " + key(lang, kind, topic));
        }
        audit.record(identity.getPrincipal().getName(), ActionEvent.Action.TEMPLATE_DELETED, key(lang, kind, topic),
                "the built-in template applies again");
        return Response.noContent().build();
    }

    private static String key(String lang, String kind, String topic) {
        if (lang == null || !lang.matches("[a-z]{2,3}")) {
            throw ProblemException.badField("lang", "must be an ISO 639 code");
        }
        if (!DraftTemplates.KINDS.contains(kind)) {
            throw ProblemException.badField("kind", "must be one of " + DraftTemplates.KINDS
                    + " (abuse gets a hide suggestion, never a reply)");
        }
        if (topic != null && !topic.matches("[a-z0-9_-]{1,40}")) {
            throw ProblemException.badField("topic", "must be a short lower-case name");
        }
        return topic == null ? lang + ":" + kind : lang + ":" + kind + ":" + topic;
    }
}
