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
     * @param allowedLinkHosts hosts (and their subdomains) links may point to: the business's own domains
     * @param ownHandles the business's own accounts, the only ones a reply may {@code @mention}
     * @param ownPhones the business's own phone numbers, the only ones a reply may give
     */
    public record Rules(Map<String, Integer> limits, int defaultLimit, Set<String> allowedLinkHosts,
                        Set<String> ownHandles, Set<String> ownPhones) {

        public Rules(Map<String, Integer> limits, int defaultLimit, Set<String> allowedLinkHosts) {
            this(limits, defaultLimit, allowedLinkHosts, Set.of(), Set.of());
        }
    }

    private static final Pattern SLOT = Pattern.compile("\\{[a-zA-Z_]+}");
    /** Any scheme: a {@code javascript:} or {@code ftp://} link is no better than an https one. */
    private static final Pattern ANY_LINK = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s<>\"]*|\\bwww\\.[^\\s<>\"]*");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])[@＠]([\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*(?:@[\\w.-]+)?)");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?U)(?<![\\w.-])((?:[\\w-]+[.。．])+\\p{L}{2,24})(?![\\w-])");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\d[\\d ().-]{7,}\\d(?!\\w)");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Rules rules;

    public ReplyLint(Rules rules) {
        this.rules = rules;
    }

    public int limit(String platform) {
        return rules.limits().getOrDefault(platform, "bluesky".equals(platform) ? BlueskyText.MAX_GRAPHEMES : rules.defaultLimit());
    }

    /** Lints {@code text} as a reply to {@code item}. */
    public Result lint(QueueItem item, String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isBlank()) {
            findings.add(new Finding("empty", "the reply is empty"));
            return new Result(false, findings);
        }
        // Bluesky counts graphemes (an emoji with modifiers, a Telugu conjunct: one each); the others code points
        boolean graphemes = "bluesky".equals(item.platform());
        int length = graphemes ? BlueskyText.graphemes(text) : text.codePointCount(0, text.length());
        int limit = limit(item.platform());
        if (length > limit) {
            findings.add(new Finding("too_long", "%d %s; %s allows %d".formatted(length, graphemes ? "graphemes" : "characters",
                    item.platform(), limit)));
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
        // the business's own number (or an ISO date, which looks like one) is not personal data
        List<String> echoed = PersonalData.echoed(item, PHONE.matcher(text).replaceAll(m ->
                ownPhone(m.group()) || DATE.matcher(m.group()).matches() ? " " : Matcher.quoteReplacement(m.group())));
        if (!echoed.isEmpty()) {
            findings.add(new Finding("personal_data", "the reply repeats personal data (" + String.join(", ", echoed)
                    + "); move it to a private channel"));
        }
        String expected = item.lang() == null ? null : item.lang().toLowerCase(Locale.ROOT);
        String actual = LanguageGuess.guess(text);
        if (expected != null && actual != null && !expected.equals(actual) && LanguageGuess.knows(expected)) {
            findings.add(new Finding("language", "the reply looks like " + actual + " but the comment is in " + expected));
        }
        Matcher link = ANY_LINK.matcher(text);
        while (link.find()) {
            String host = hostOf(link.group());
            if (host == null || !allowedHost(host)) {
                findings.add(new Finding("link", "link to " + (host == null ? link.group() : host) + " is not on the allow-list"));
            }
        }
        contactFindings(item, text, findings);
        return new Result(findings.isEmpty(), List.copyOf(findings));
    }

    /**
     * Mentions, domains and phone numbers that are not the business's own: a hostile comment (or a name the template
     * addressed) must not get the business to point people at someone else.
     */
    private void contactFindings(QueueItem item, String text, List<Finding> findings) {
        String withoutLinks = ANY_LINK.matcher(text).replaceAll(" ");
        Matcher mention = MENTION.matcher(withoutLinks);
        while (mention.find()) {
            String handle = mention.group(1).replaceAll("[.-]+$", "");
            if (!own(rules.ownHandles(), handle)) {
                findings.add(new Finding("mention", "@" + handle + " is not one of the business's own accounts"));
            }
        }
        Matcher domain = DOMAIN.matcher(MENTION.matcher(withoutLinks).replaceAll(" "));
        while (domain.find()) {
            String host = domain.group(1).replaceAll("[。．]", ".").toLowerCase(Locale.ROOT);
            if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.') && !allowedHost(host)) {
                findings.add(new Finding("domain", host + " is not one of the business's own domains"));
            }
        }
        String caseDigits = QueueItems.caseReference(item.id());
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            String digits = phone.group().replaceAll("\\D", "");
            if (digits.length() < 8 || DATE.matcher(phone.group()).matches() || digits.equals(caseDigits)) {
                continue;
            }
            if (!ownPhone(phone.group())) {
                findings.add(new Finding("phone", phone.group().strip() + " is not one of the business's own numbers"));
            }
        }
    }

    private boolean ownPhone(String number) {
        String digits = number.replaceAll("\\D", "");
        return rules.ownPhones().stream().map(p -> p.replaceAll("\\D", "")).anyMatch(p -> samePhone(p, digits));
    }

    private static boolean own(Set<String> handles, String handle) {
        return handles.stream().map(h -> h.strip().replaceFirst("^@", "")).anyMatch(h -> h.equalsIgnoreCase(handle));
    }

    /** The same number, written with or without the country code (the last nine digits agree). */
    private static boolean samePhone(String own, String candidate) {
        if (own.isEmpty()) {
            return false;
        }
        int n = Math.min(9, Math.min(own.length(), candidate.length()));
        return own.length() >= 7 && candidate.endsWith(own.substring(own.length() - n))
                && own.endsWith(candidate.substring(candidate.length() - n));
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
