package io.earshot.reply.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.earshot.commons.api.Problem;
import io.earshot.reply.security.LoginThrottledException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Answers a sign-in the limiter refused: 429 with {@code Retry-After}, as problem+json for API clients and as the login
 * page with a readable message for the dashboard's form. Authentication runs before any resource, so this is a
 * router failure handler rather than a JAX-RS exception mapper.
 */
@ApplicationScoped
public class LoginThrottleResponses {

    private final ObjectMapper mapper;

    public LoginThrottleResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (!(ctx.failure() instanceof LoginThrottledException throttled) || ctx.response().ended()) {
            ctx.next();
            return;
        }
        boolean unavailable = "unavailable".equals(throttled.scope());
        int status = unavailable ? 503 : 429;
        long seconds = Math.max(1, throttled.retryAfter().toSeconds() + (throttled.retryAfter().toMillisPart() > 0 ? 1 : 0));
        ctx.response().setStatusCode(status).putHeader("Retry-After", Long.toString(seconds))
                .putHeader("Cache-Control", "no-store");
        if (ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().endsWith("/j_security_check")) {
            String lang = UiLanguages.resolve(null, ctx.request().getHeader("Accept-Language"));
            Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(lang));
            String wait = UiLanguages.DEFAULT.equals(lang) ? readable(seconds)
                    : seconds < 60 ? msg.wait_seconds(seconds) : msg.wait_minutes(minutes(seconds));
            String message = unavailable ? msg.login_unavailable(wait) : msg.login_throttled(wait);
            var page = DashboardPages.Templates.login(false, false, message, lang, UiLanguages.dir(lang));
            page.setLocale(java.util.Locale.forLanguageTag(lang));
            ctx.response().putHeader("Content-Type", "text/html; charset=UTF-8").putHeader("Content-Language", lang)
                    .end(page.render());
            return;
        }
        String detail = unavailable ? "sign-in is unavailable: the login limiter cannot reach Redis"
                : "too many failed sign-ins: retry after " + seconds + " s";
        try {
            ctx.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(mapper.writeValueAsString(
                    Problem.of(status, unavailable ? "Service Unavailable" : "Too Many Requests", detail)
                            .at(ctx.normalizedPath())));
        } catch (JsonProcessingException e) {
            ctx.response().end();
        }
    }

    static long minutes(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toMinutes() + (d.toSecondsPart() > 0 ? 1 : 0);
    }

    static String readable(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = minutes(seconds);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
