package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Items;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lint's rules for review replies (their length) and Reddit (its length and markdown). */
class ReviewAndRedditLintTest {

    static final ReplyLint LINT = new ReplyLint(new ReplyLint.Rules(Map.of("google", 4096, "reddit", 10000), 2000, Set.of("shop.example")));
    static final String OK = "Hi Jane, we're sorry about this. Please send us a private message and we'll help. ";

    private static List<String> codes(String platform, String text) {
        return LINT.lint(Items.complaint(platform), text).codes();
    }

    @Test
    void reviewRepliesHaveTheirPlatformsLength() {
        assertFalse(codes("google", OK + "a".repeat(3000)).contains("too_long"));
        assertTrue(codes("google", OK + "a".repeat(4096)).contains("too_long"));
        assertTrue(codes("trustpilot", OK + "a".repeat(2000)).contains("too_long"), "the default limit");
        assertTrue(codes("reddit", OK + "a".repeat(10000)).contains("too_long"));
    }

    @Test
    void redditMarkdownThatWouldRenderWrongIsFound() {
        assertTrue(LINT.lint(Items.complaint("reddit"), "Hi Jane, **sorry** about this. See the [warranty](https://shop.example/w) page and write to us.").ok());
        assertEquals(List.of("markdown"), codes("reddit", OK + "This is **really important."));
        assertEquals(List.of("markdown"), codes("reddit", OK + "Use the code `WELCOME for 10%."));
        assertEquals(List.of("markdown"), codes("reddit", OK + "Read [our policy](https://shop.example/policy and reply."));
        assertEquals(List.of("markdown"), codes("reddit", OK + "\n#1 tip: keep the receipt."));
        assertTrue(codes("reddit", OK + "\n## Steps\n1. Keep the receipt.").isEmpty(), "a heading on purpose is fine");
        assertTrue(codes("reddit", OK + "```\n**not bold\n```").isEmpty(), "code blocks are left alone");
        assertTrue(codes("facebook", OK + "This is **really important.").isEmpty(), "only where markdown renders");
    }
}
