package io.earshot.ingest.api;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import java.util.List;
import java.util.Set;

/**
 * What one integrator's API key or generic-webhook secret may submit: comments of these platforms, and of these
 * accounts when any are named. A key may not speak for a platform it was not given: with {@code facebook} and any
 * {@code externalId} it could edit or remove real items and steer a reply or a "delete comment" at an object of its
 * choosing. Platform comments come through their own connectors; a key gets a platform only when it is configured so.
 *
 * @param name the integrator's configured name (never the secret), for logs and problems
 * @param platforms allowed platforms; {@code *} allows every platform
 * @param accounts allowed accounts; empty allows any account (and none)
 */
public record Grant(String name, Set<String> platforms, Set<String> accounts) {

    /** The request attribute the key filter leaves the caller's grant in. */
    public static final String ATTRIBUTE = "earshot.ingest.grant";

    static Grant of(String name, List<String> platforms, List<String> accounts) {
        return new Grant(name, Set.copyOf(platforms.stream().map(String::trim).filter(p -> !p.isEmpty()).toList()),
                Set.copyOf(accounts.stream().map(String::trim).filter(a -> !a.isEmpty()).toList()));
    }

    public boolean allows(String platform, String account) {
        return (platforms.contains("*") || platforms.contains(platform))
                && (accounts.isEmpty() || account != null && accounts.contains(account));
    }

    /** Why a comment is refused, naming the field, or null when it is allowed. */
    public Problem.FieldError refusal(String prefix, String platform, String account) {
        if (!platforms.contains("*") && !platforms.contains(platform)) {
            return new Problem.FieldError(prefix + "platform", "this key may not submit comments for " + platform
                    + " (allowed: " + String.join(", ", platforms.stream().sorted().toList()) + ")");
        }
        if (!accounts.isEmpty() && (account == null || !accounts.contains(account))) {
            return new Problem.FieldError(prefix + "account", "this key may not submit comments for account "
                    + (account == null ? "(none)" : account));
        }
        return null;
    }

    /** 403 problem+json naming every refused field. */
    static ProblemException forbidden(List<Problem.FieldError> refusals) {
        String detail = refusals.stream().limit(5).map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("forbidden");
        return new ProblemException(new Problem("https://earshot.io/problems/403", "Forbidden", 403, detail, null,
                refusals.size() > 100 ? refusals.subList(0, 100) : refusals));
    }
}
