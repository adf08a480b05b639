package io.earshot.reply.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a reply before a human may approve it: what would embarrass the business or leak a customer's data.
 * A finding blocks approval unless a supervisor overrides it (and the override is audited).
 */
public final class ReplyLint {

    /** One problem with a reply. */
    public record Finding(String code, String message) {
    }

    /** The result shown with the draft. */
    public record Result(boolean ok, List<Finding> findings) {

        public List<String> codes() {
            return findings.stream().map(Finding::code).toList();
        }
    }

    /**
     * @param limits characters allowed per platform; a platform without one has {@code defaultLimit}
     * @param allowedLinkHosts hosts (and their subdomains) links may point to
     */
    public record Rules(Map<String, Integer> limits, int defaultLimit, Set<String> allowedLinkHosts) {
    }

    private static final Pattern SLOT = Pattern.compile("\\{[a-zA-Z_]+}");
    private static final Pattern LINK = Pattern.compile("(?i)\\b((?:https?://|www\\.)[^\\s<>\"]+)");

    private final Rules rules;

    public ReplyLint(Rules rules) {
        this.rules = rules;
    }

    public int limit(String platform) {
        return rules.limits().getOrDefault(platform, rules.defaultLimit());
    }

    /** Lints {@code text} as a reply to {@code item}. */
    public Result lint(QueueItem item, String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            findings.add(new Finding("empty", "the reply is empty"));
            return new Result(false, findings);
        }
        int length = text.codePointCount(0, text.length());
        int limit = limit(item.platform());
        if (length > limit) {
            findings.add(new Finding("too_long", "%d characters; %s allows %d".formatted(length, item.platform(), limit)));
        }
        if ("reddit".equals(item.platform())) {
            for (String problem : MarkdownCheck.problems(text)) {
                findings.add(new Finding("markdown", problem));
            }
        }
        Matcher slot = SLOT.matcher(text);
        if (slot.find()) {
            findings.add(new Finding("unresolved_slot", "the slot " + slot.group() + " was not filled in"));
        }
        List<String> echoed = PersonalData.echoed(item, text);
        if (!echoed.isEmpty()) {
            findings.add(new Finding("personal_data", "the reply repeats personal data (" + String.join(", ", echoed)
                    + "); move it to a private channel"));
        }
        String expected = item.lang() == null ? null : item.lang().toLowerCase(Locale.ROOT);
        String actual = LanguageGuess.guess(text);
        if (expected != null && actual != null && !expected.equals(actual) && LanguageGuess.knows(expected)) {
            findings.add(new Finding("language", "the reply looks like " + actual + " but the comment is in " + expected));
        }
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String host = hostOf(link.group(1));
            if (host == null || !allowedHost(host)) {
                findings.add(new Finding("link", "link to " + (host == null ? link.group(1) : host) + " is not on the allow-list"));
            }
        }
        return new Result(findings.isEmpty(), List.copyOf(findings));
    }

    private boolean allowedHost(String host) {
        for (String allowed : rules.allowedLinkHosts()) {
            String a = allowed.toLowerCase(Locale.ROOT).strip();
            if (!a.isEmpty() && (host.equals(a) || host.endsWith("." + a))) {
                return true;
            }
        }
        return false;
    }

    private static String hostOf(String link) {
        try {
            String withScheme = link.regionMatches(true, 0, "www.", 0, 4) ? "https://" + link : link;
            String host = URI.create(withScheme.replaceAll("[.,;:!?)]+$", "")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
