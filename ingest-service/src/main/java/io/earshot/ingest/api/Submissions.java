package io.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.earshot.commons.api.Problem;
import io.earshot.commons.api.Problem.FieldError;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.messaging.CommentIngested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads {@link CommentSubmission}s from JSON trees the same way for every door that takes them (the API, the
 * generic webhook, bulk import), naming each bad field with a prefix such as {@code comments[3].}.
 */
@ApplicationScoped
public class Submissions {

    /** A submission, or why it is not one. */
    public record Checked(CommentSubmission submission, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    /**
     * @param defaultPlatform filled in when the JSON has no {@code platform} (the generic webhook), or null
     */
    public Checked check(JsonNode node, String prefix, String defaultPlatform) {
        if (node == null || !node.isObject()) {
            return new Checked(null, List.of(new FieldError(prefix.isEmpty() ? "body" : strip(prefix), "must be a JSON object")));
        }
        if (defaultPlatform != null && !node.hasNonNull("platform")) {
            ((ObjectNode) node).put("platform", defaultPlatform);
        }
        CommentSubmission submission;
        try {
            submission = mapper.treeToValue(node, CommentSubmission.class);
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            return new Checked(null, List.of(new FieldError(prefix + (path.isEmpty() ? "body" : path), "has the wrong type or format")));
        } catch (Exception e) {
            return new Checked(null, List.of(new FieldError(prefix.isEmpty() ? "body" : strip(prefix), "is not a comment")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<CommentSubmission> v : validator.validate(submission)) {
            errors.add(new FieldError(prefix + v.getPropertyPath().toString(), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return new Checked(errors.isEmpty() ? submission : null, errors);
    }

    public static CommentDraft toDraft(CommentSubmission s, String raw) {
        CommentDraft d = new CommentDraft(s.platform(), s.externalId());
        d.account = s.account();
        d.threadId = s.threadId();
        d.parentId = s.parentId();
        d.authorId = s.author().id();
        d.authorHandle = s.author().handle();
        d.authorName = s.author().displayName();
        d.followers = s.author().followers();
        d.text = s.text();
        d.lang = s.lang();
        d.createdAt = s.createdAt();
        d.permalink = s.permalink();
        d.raw = raw;
        d.action = s.action() == null ? CommentIngested.Action.created : CommentIngested.Action.valueOf(s.action());
        d.revisedAt = s.editedAt();
        return d;
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().limit(20).map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid");
        return Problem.invalid(detail, errors.size() > 100 ? errors.subList(0, 100) : errors);
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String strip(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
