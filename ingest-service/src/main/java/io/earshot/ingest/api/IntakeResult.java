package io.earshot.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the API answers for one comment.
 *
 * @param id the comment's Earshot id (the same for a duplicate); null for a rejected one
 * @param status accepted, duplicate, in_progress, failed or rejected
 * @param reason why a comment of a batch was rejected, naming its fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(String id, String eventId, String status, String reason) {

    public IntakeResult(String id, String eventId, String status) {
        this(id, eventId, status, null);
    }

    static IntakeResult rejected(String reason) {
        return new IntakeResult(null, null, "rejected", reason);
    }
}
