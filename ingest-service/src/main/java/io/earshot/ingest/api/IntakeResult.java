package io.earshot.ingest.api;

/**
 * What the API answers for one comment.
 *
 * @param id the comment's Earshot id (the same for a duplicate)
 * @param status accepted, duplicate, in_progress or failed
 */
public record IntakeResult(String id, String eventId, String status) {
}
