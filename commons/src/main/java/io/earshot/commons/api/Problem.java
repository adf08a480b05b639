package io.earshot.commons.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail: every error the API returns has this shape, so clients handle errors one way.
 *
 * @param errors for validation problems, each bad field and what is wrong with it
 * @param code   a stable machine-readable reason (an RFC 9457 extension member), so a client can say it in its
 *               user's language rather than show the English detail; null when the status says it all
 * @param args   the values the code's message needs (for {@code claimed}: {@code holder}), never personal data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String code, Map<String, String> args) {

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad input field, named by its JSON path (for example {@code author.id}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, null);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(typeFor(400), "Invalid request", 400, detail, null, errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, code, args);
    }

    /** The same problem with a reason code and its message's values. */
    public Problem withCode(String reasonCode, Map<String, String> values) {
        return new Problem(type, title, status, detail, instance, errors, reasonCode,
                values == null || values.isEmpty() ? null : Map.copyOf(values));
    }

    private static String typeFor(int status) {
        return "https://earshot.io/problems/" + status;
    }
}
