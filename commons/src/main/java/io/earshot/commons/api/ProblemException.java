package io.earshot.commons.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** Thrown by resources to answer with a problem detail; {@link ProblemMappers} renders it. */
public class ProblemException extends WebApplicationException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), problem.status());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException status(Response.Status status, String detail) {
        return new ProblemException(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail), retryAfter);
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
