package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.security.LoginAudit;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sign-in audit trail, for admins investigating a brute force or a locked-out colleague. */
@Path("/api/admin/logins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LoginAuditResource {

    @Inject
    LoginAudit audit;

    @GET
    @Operation(summary = "Recent sign-in events (admins)", description = "Failed passwords, back-offs started, devices "
            + "that lost their trust and password hashes upgraded, newest first; never a password.")
    public List<LoginAudit.Entry> recent(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        return audit.recent(limit);
    }
}
