package io.earshot.triage.domain;

/**
 * One comment to triage. Only {@code text} is required; the rest, when known, sharpen the verdict: the platform's
 * language hint, the platform (its spam prior differs), the author's followers, the platform's moderation status,
 * the comment's age and how many times the same text was just posted.
 */
public record TriageRequest(String text, String langHint, String platform, Long followers, String platformStatus,
                            Long ageSeconds, int repeats) {

    /** Just a text and an optional language hint (the classify command and simple API calls). */
    public static TriageRequest of(String text, String langHint) {
        return new TriageRequest(text, langHint, null, null, null, null, 0);
    }
}
