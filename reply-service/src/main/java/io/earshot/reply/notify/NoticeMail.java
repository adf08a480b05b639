package io.earshot.reply.notify;

import io.earshot.reply.domain.QueueItems;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The plain-text mail of a {@link Notice}: what happened, the item, platform, label, deadline and a link to the item
 * in the dashboard. It is built from the notice alone, so the comment, the draft and the author cannot appear; every
 * value is stripped of control characters (no header or line injection from a platform name) and shortened.
 */
public record NoticeMail(String subject, String text) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final int MAX_VALUE = 80;

    /** Renders {@code notice} for a reader in {@code zone}, linking to {@code dashboardUrl}. */
    public static NoticeMail of(Notice notice, String dashboardUrl, ZoneId zone) {
        String ref = QueueItems.caseReference(notice.itemId());
        String label = clean(notice.label());
        String platform = clean(notice.platform());
        String what = switch (notice.kind()) {
            case SLA_BREACHED -> "SLA breached";
            case ESCALATED -> "Escalated";
            case ASSIGNED -> "Assigned";
        };
        String subject = "[Earshot] " + what + ": " + label + " on " + platform + " (" + ref + ")";
        String headline = switch (notice.kind()) {
            case SLA_BREACHED -> "A comment passed its reply deadline without a reply.";
            case ESCALATED -> "A comment was escalated to supervisors.";
            case ASSIGNED -> notice.assignee() != null ? "A comment was assigned to you."
                    : "A comment was assigned to team " + clean(notice.team()) + ".";
        };
        StringBuilder text = new StringBuilder(headline).append("\n\n");
        line(text, "Item", clean(notice.itemId()) + " (case " + ref + ")");
        line(text, "Platform", platform + (notice.account() == null ? "" : ", account " + clean(notice.account())));
        line(text, "Label", label + ", priority " + notice.priority());
        line(text, "Deadline", notice.deadline() == null ? "none" : WHEN.format(notice.deadline().atZone(zone)));
        if (notice.team() != null) {
            line(text, "Team", clean(notice.team()));
        }
        if (notice.assignee() != null) {
            line(text, "Assignee", clean(notice.assignee()));
        }
        text.append("\nOpen it: ").append(link(dashboardUrl, notice.itemId())).append("\n\n")
                .append("The comment itself is shown only in the dashboard. You get this mail because Earshot's ")
                .append("notification settings name you.\n");
        return new NoticeMail(subject, text.toString());
    }

    static String link(String dashboardUrl, String itemId) {
        String base = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        return base + "/item/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder to, String name, String value) {
        to.append(name).append(": ").append(value).append('\n');
    }

    /** A value as a mail may show it: one line, printable, at most {@value #MAX_VALUE} characters. */
    static String clean(String value) {
        if (value == null || value.isBlank()) {
            return "unknown";
        }
        String flat = value.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").strip();
        return flat.length() > MAX_VALUE ? flat.substring(0, MAX_VALUE) + "…" : flat;
    }
}
