package io.earshot.triage.domain.moderation;

import java.util.List;

/**
 * Moderation verdict: the spam and abuse probabilities, whether each passed its threshold or a rule fired, and the
 * rule signals (same text posted many times, link-only comment) with what pushed the abuse verdict.
 */
public record Moderation(double spam, double abusive, boolean isSpam, boolean isAbusive, List<String> signals,
                         List<String> explanation) { }
