package io.earshot.reply.web;

import io.earshot.reply.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The staff dashboard's pages. Each is a small server-rendered shell (Qute escapes everything it prints) whose
 * module script loads the data from {@code /api} and renders it with DOM text nodes, never as HTML, so a hostile
 * comment stays text. Pages carry the user's CSRF token for the script's state-changing calls.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut, String throttled, String lang, String dir);

        static native TemplateInstance queue(Shell shell);

        static native TemplateInstance item(Shell shell, String itemId);

        static native TemplateInstance stats(Shell shell);

        static native TemplateInstance actions(Shell shell);
    }

    /**
     * What every signed-in page shows and needs: who is signed in, the role, the CSRF token, the active tab, and the
     * page's language and direction with the languages the switcher offers.
     */
    public record Shell(String user, String role, boolean supervisor, String csrf, String active, String lang, String dir,
                        List<UiLanguages.UiLanguage> languages) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    UiLanguageStore uiLanguages;

    @Context
    HttpHeaders headers;

    @Inject
    CsrfTokens csrf;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response login(@QueryParam("error") String error, @QueryParam("bye") String bye) {
        String lang = UiLanguages.resolve(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return page(Templates.login(error != null, bye != null, null, lang, UiLanguages.dir(lang)), lang);
    }

    @GET
    @Operation(hidden = true)
    public Response queue() {
        return identity.isAnonymous() ? toLogin() : page(shell("queue"), Templates::queue);
    }

    @GET
    @Path("item/{id}")
    @Operation(hidden = true)
    public Response item(@PathParam("id") String id) {
        return identity.isAnonymous() ? toLogin() : page(shell("queue"), sh -> Templates.item(sh, id));
    }

    @GET
    @Path("stats")
    @Operation(hidden = true)
    public Response stats() {
        return identity.isAnonymous() ? toLogin() : page(shell("stats"), Templates::stats);
    }

    /** The action log (supervisors): a responder is refused, as the API behind it would refuse them. */
    @GET
    @Path("actions")
    @Operation(hidden = true)
    public Response actions() {
        if (identity.isAnonymous()) {
            return toLogin();
        }
        if (!identity.hasRole(Roles.SUPERVISOR)) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN).header("Cache-Control", "no-store")
                    .entity("Supervisors only.").build();
        }
        return page(shell("actions"), Templates::actions);
    }

    /** Ends the session: the form posts the page's CSRF token, so a foreign page cannot sign a user out. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("csrf") String token) {
        if (identity.isAnonymous()) {
            return toLogin();
        }
        if (!csrf.isValid(token, identity.getPrincipal().getName())) {
            return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN)
                    .entity("Stale page: reload it and sign out again.").build();
        }
        FormAuthenticationMechanism.logout(identity);
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login?bye=1")).cookie(expired).build();
    }

    private Shell shell(String active) {
        String role = identity.hasRole("admin") ? "admin" : identity.hasRole("supervisor") ? "supervisor" : "responder";
        String user = identity.getPrincipal().getName();
        String lang = UiLanguages.resolve(uiLanguages.of(user).orElse(null),
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        return new Shell(user, role, !"responder".equals(role), csrf.issue(user), active, lang, UiLanguages.dir(lang),
                UiLanguages.ALL);
    }

    /**
     * Pages send a visitor without a session to the login form themselves: the form mechanism has no login page to
     * redirect to, so {@code /api} keeps answering 401 to clients without credentials.
     */
    private static Response toLogin() {
        return Response.seeOther(URI.create("/login")).header("Cache-Control", "no-store").build();
    }

    private static Response page(Shell shell, Function<Shell, TemplateInstance> template) {
        return page(template.apply(shell), shell.lang());
    }

    /** Renders in the page's language ({@code msg:} keys) and says so, so caches and the browser know. */
    private static Response page(TemplateInstance page, String lang) {
        page.setLocale(Locale.forLanguageTag(lang));
        return Response.ok(page).header("Cache-Control", "no-store").header("Content-Language", lang)
                .header("Vary", "Accept-Language").build();
    }
}
