package io.earshot.triage.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code comments.triaged} event ({@code docs/events/comments.triaged.schema.json}): the ingested comment as it
 * arrived, and triage's verdict. {@code comment} is the incoming record's value, already checked to be one JSON object,
 * written out as it came ({@link JsonRawValue}): parsing it into a tree and writing the tree out again cost as much
 * as reading the fields triage needs.
 */
public record CommentTriaged(String eventId, @JsonRawValue String comment, Triage triage) {

    /**
     * Triage's verdict on one comment. {@code topic} is what a complaint or question is about (a
     * {@link io.earshot.triage.domain.topic.Topic} code), null for praise and neutral remarks.
     */
    public record Triage(
            String lang,
            String label,
            double confidence,
            Map<String, Double> scores,
            List<String> flags,
            List<PiiSpan> pii,
            int priority,
            List<String> reasons,
            List<String> explanation,
            List<String> signals,
            String model,
            Instant triagedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String topic) {
    }

    /** Where personal data sits in the text, so it can be masked. */
    public record PiiSpan(String type, int start, int end) {
    }
}
