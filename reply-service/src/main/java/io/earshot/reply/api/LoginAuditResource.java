package io.earshot.reply.api;

import io.earshot.commons.api.ProblemException;
import io.earshot.reply.security.LoginAudit;
import io.earshot.reply.security.LoginLimiter;
import io.earshot.reply.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The sign-in audit trail and the lifting of back-offs, for admins handling a brute force or a locked-out colleague. */
@Path("/api/admin/logins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LoginAuditResource {

    /** What an unlock removed: the account or address, and how many counters and back-offs were cleared. */
    public record Unlocked(String target, long cleared) {
    }

    private final LoginAudit audit;
    private final LoginLimiter limiter;

    public LoginAuditResource(LoginAudit audit, LoginLimiter limiter) {
        this.audit = audit;
        this.limiter = limiter;
    }

    @GET
    @Operation(summary = "Recent sign-in events (admins)", description = "Failed passwords, back-offs started, devices "
            + "that lost their trust, password hashes upgraded and unlocks, newest first; never a password.")
    public List<LoginAudit.Entry> recent(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.badField("limit", "must be between 1 and 1000");
        }
        return audit.recent(limit);
    }

    @DELETE
    @Path("/accounts/{account}/limits")
    @Operation(summary = "Lift an account's sign-in back-offs (admins)", description = "Clears the account's failure "
            + "counts and back-offs from every address. Back-offs of client addresses over all accounts stay.")
    public Unlocked unlockAccount(@PathParam("account") String account, @Context SecurityContext who) {
        long cleared = limiter.unlockAccount(account);
        audit.record(account, "-", "unlocked", "account, by " + who.getUserPrincipal().getName());
        return new Unlocked(account, cleared);
    }

    @DELETE
    @Path("/addresses/{address}/limits")
    @Operation(summary = "Lift a client address's sign-in back-off (admins)", description = "Clears the failure count "
            + "and back-off of one address over all accounts, such as an office's shared NAT address.")
    public Unlocked unlockAddress(@PathParam("address") String address, @Context SecurityContext who) {
        if (!address.matches("[0-9A-Fa-f.:]{2,45}")) {
            throw ProblemException.badField("address", "must be an IPv4 or IPv6 address");
        }
        long cleared = limiter.unlockAddress(address);
        audit.record("-", address, "unlocked", "address, by " + who.getUserPrincipal().getName());
        return new Unlocked(address, cleared);
    }
}
