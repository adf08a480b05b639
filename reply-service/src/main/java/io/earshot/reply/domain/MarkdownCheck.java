package io.earshot.reply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What goes wrong when a reply is posted where markdown is rendered (Reddit): emphasis or code left open, a link
 * whose target is never closed, a line that turns into a heading. Each problem is one sentence for the responder.
 */
public final class MarkdownCheck {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[^#\\s]");
    private static final Pattern OPEN_LINK = Pattern.compile("\\]\\([^)\\s]*(\\s|$)");

    private MarkdownCheck() {
    }

    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        String withoutCode = text.replaceAll("(?s)```.*?```", "");
        if (count(withoutCode, "```") % 2 != 0 || count(withoutCode.replace("```", ""), "`") % 2 != 0) {
            problems.add("a code span is not closed (`)");
        }
        String plain = withoutCode.replaceAll("`[^`]*`", "");
        if (count(plain, "**") % 2 != 0) {
            problems.add("bold is not closed (**)");
        }
        if (count(plain, "~~") % 2 != 0) {
            problems.add("strikethrough is not closed (~~)");
        }
        if (OPEN_LINK.matcher(plain).find()) {
            problems.add("a link target is not closed: [text](url)");
        }
        if (HEADING.matcher(plain).find()) {
            problems.add("a line starting with # turns into a heading on old Reddit (write \\#)");
        }
        return problems;
    }

    private static int count(String text, String token) {
        int n = 0;
        for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
