package io.earshot.ingest.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A comment already in Earshot's normalised shape, as integrators, the generic webhook, bulk import and the demo
 * send it. {@code action} (default {@code created}) lets an integrator report an edit or a removal, and
 * {@code editedAt} when it happened.
 */
@Schema(description = "A normalised public comment", example = """
        {"platform":"generic","externalId":"c-1001","threadId":"post-77","author":{"id":"u-5","handle":"jane",\
        "displayName":"Jane"},"text":"My order arrived broken, what now?","createdAt":"2026-11-01T10:00:00Z",\
        "permalink":"https://example.com/p/77#c-1001","lang":"en"}""")
public record CommentSubmission(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "must be a lower-case platform name such as facebook or generic") String platform,
        @NotBlank @Size(max = 256) String externalId,
        @NotBlank @Size(max = 256) String threadId,
        @Size(max = 256) String parentId,
        @NotNull @Valid Author author,
        @NotNull String text,
        @NotNull Instant createdAt,
        @Size(max = 2048) String permalink,
        @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be an ISO 639 language code such as en or pt-BR") String lang,
        @Size(max = 256) String account,
        @Pattern(regexp = "created|edited|removed", message = "must be created, edited or removed") String action,
        @Schema(description = "For an edit or removal: when it happened on the platform. Its version is taken from this time, "
                + "so a re-sent edit keeps its version and a later one gets a larger version") Instant editedAt) {

    /** Who wrote the comment. */
    public record Author(
            @NotBlank @Size(max = 256) String id,
            @Size(max = 256) String handle,
            @Size(max = 512) String displayName,
            @PositiveOrZero Long followers) {
    }
}
