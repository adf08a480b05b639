package io.earshot.reply.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.earshot.reply.support.Items;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lint flags any @mention, domain or phone number in a reply that is not the business's own. */
class ReplyContactLintTest {

    static final ReplyLint LINT = new ReplyLint(new ReplyLint.Rules(Map.of(), 2000, Set.of("shop.example"),
            Set.of("@ShopHelp", "shop_eu"), Set.of("+44 20 7946 0000")));
    static final String BASE = "Hi Jane, we're sorry about this. ";

    private static List<String> codes(String reply) {
        return LINT.lint(Items.complaint("generic"), BASE + reply).codes();
    }

    @Test
    void mentionsOtherThanTheBusinessesAreFlagged() {
        assertEquals(List.of("mention"), codes("Please write to @refund_desk for help."));
        assertTrue(codes("Please write to @refunds@evil.social for help.").contains("mention"));
        assertEquals(List.of(), codes("Please write to @ShopHelp or @shop_eu for help."));
        assertEquals(List.of(), codes("Please write to @shophelp for help."), "handles compare without case");
    }

    @Test
    void bareDomainsOtherThanTheBusinessesAreFlagged() {
        assertEquals(List.of("domain"), codes("Details are at evil.example today."));
        assertEquals(List.of("domain"), codes("Details are at refunds.evil.example."));
        assertEquals(List.of("domain"), codes("Details are at evil。example today."));
        assertEquals(List.of(), codes("Details are at shop.example or help.shop.example."));
        assertEquals(List.of(), codes("It costs 3.50 e.g. in the U.S.A. and we will call you at 10.30."));
    }

    @Test
    void linksWithAnySchemeOrWwwAreStillLinks() {
        assertEquals(List.of("link"), codes("See www.evil.example/x for the details."));
        assertEquals(List.of("link"), codes("See ftp://evil.example/x for the details."));
        assertEquals(List.of(), codes("See https://shop.example/help for the details."));
    }

    @Test
    void phoneNumbersOtherThanTheBusinessesAreFlagged() {
        // a number that is not ours is also personal data to the older check; ours is neither
        assertTrue(codes("Call +1 415 555 0100 and we'll sort it out.").contains("phone"));
        assertTrue(codes("Call (415) 555-0100 and we'll sort it out.").contains("phone"));
        assertEquals(List.of(), codes("Call +44 20 7946 0000 and we'll sort it out."));
        assertEquals(List.of(), codes("Call 020 7946 0000 and we'll sort it out."), "own number without the country code");
        assertEquals(List.of(), codes("We will reply by 2026-12-04, case 1234."));
    }

    @Test
    void anEmailToAnotherDomainIsFlagged() {
        assertTrue(codes("Write to refunds@evil.example please.").contains("domain"));
    }
}
