package io.earshot.reply.api;

import io.earshot.commons.api.Problem;
import io.earshot.reply.domain.WorkflowException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place a workflow refusal becomes HTTP: each {@link WorkflowException.Reason} has its status and title here,
 * and the answer is the same problem+json every other error has (detail, field errors, Retry-After).
 */
public class WorkflowProblems {

    @ServerExceptionMapper
    public Response refused(WorkflowException e, UriInfo uri) {
        Problem problem = problem(e).at(uri.getPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** The problem detail a refusal answers with (also used by the bulk endpoints' per-item results). */
    public static Problem problem(WorkflowException e) {
        int status = status(e.reason());
        String type = Problem.of(status, "", "").type();
        return new Problem(type, title(e.reason()), status, e.detail(), null, e.errors() == null ? null
                : e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList())
                .withCode(e.code(), e.args());
    }

    static int status(WorkflowException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case INVALID_INPUT -> 400;
            case EMPTY_DRAFT, LINT_FAILED, TRANSLATION_NOT_SHOWN, UNPROCESSABLE -> 422;
            case STALE_VERSION, CHANGED_MEANWHILE, WRONG_STATE, CLAIMED, SHOWN_TEXT_CHANGED, TRANSLATION_UNAVAILABLE, BUSY -> 409;
            case PLATFORM_REFUSED -> 502;
            case REBUILDING, PLATFORM_UNAVAILABLE -> 503;
        };
    }

    static String title(WorkflowException.Reason reason) {
        return switch (reason) {
            case NOT_FOUND -> "Not Found";
            case FORBIDDEN -> "Forbidden";
            case INVALID_INPUT -> "Invalid request";
            case EMPTY_DRAFT -> "Nothing to approve";
            case LINT_FAILED -> "The reply fails the lint";
            case TRANSLATION_NOT_SHOWN -> "The translation was not shown";
            case UNPROCESSABLE -> "Unprocessable Content";
            case TRANSLATION_UNAVAILABLE -> "Translation unavailable";
            case STALE_VERSION, CHANGED_MEANWHILE, WRONG_STATE, CLAIMED, SHOWN_TEXT_CHANGED, BUSY -> "Conflict";
            case PLATFORM_REFUSED -> "Bad Gateway";
            case REBUILDING, PLATFORM_UNAVAILABLE -> "Service Unavailable";
        };
    }
}
