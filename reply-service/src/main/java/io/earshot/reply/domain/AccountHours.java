package io.earshot.reply.domain;

import java.util.Map;

/**
 * Business hours per account ({@code platform:account}), falling back to a default; {@link #ALWAYS} when none are
 * configured, which keeps every SLA round the clock.
 */
public record AccountHours(BusinessHours fallback, Map<String, BusinessHours> byAccount) {

    public static final AccountHours ALWAYS = new AccountHours(BusinessHours.ALWAYS, Map.of());

    public AccountHours {
        fallback = fallback == null ? BusinessHours.ALWAYS : fallback;
        byAccount = byAccount == null ? Map.of() : Map.copyOf(byAccount);
    }

    /** The hours of a comment's account: its own, else the default. */
    public BusinessHours of(String platform, String account) {
        if (platform != null && account != null) {
            BusinessHours own = byAccount.get(platform + ":" + account);
            if (own != null) {
                return own;
            }
        }
        return fallback;
    }
}
