package io.earshot.triage.domain;

/**
 * One comment to triage. Only {@code text} is required; the rest, when known, sharpen the verdict: the platform's
 * language hint, the platform (its spam prior differs), the author's followers, the platform's moderation status,
 * the comment's age, how many times the same text was just posted, and a review's star rating (1-5).
 */
public record TriageRequest(String text, String langHint, String platform, Long followers, String platformStatus,
                            Long ageSeconds, int repeats, Integer starRating) {

    /** A request without a star rating (comments that are not reviews). */
    public TriageRequest(String text, String langHint, String platform, Long followers, String platformStatus,
                         Long ageSeconds, int repeats) {
        this(text, langHint, platform, followers, platformStatus, ageSeconds, repeats, null);
    }

    /** Just a text and an optional language hint (the classify command and simple API calls). */
    public static TriageRequest of(String text, String langHint) {
        return new TriageRequest(text, langHint, null, null, null, null, 0);
    }
}
