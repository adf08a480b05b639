package io.earshot.triage.domain.topic;

import java.util.Locale;

/**
 * What a complaint or question is about. The codes are a stable contract: they travel in {@code triage.topic} of
 * {@code comments.triaged}, name reply templates ({@code lang:kind:topic}) and the dashboard's translated names, so a
 * code is never renamed; a new topic is a new code.
 */
public enum Topic {
    /** An order, parcel, trip or service that did not arrive, came late, lost or wrong. */
    DELIVERY,
    /** Money back, charges, invoices, payments. */
    REFUND_BILLING,
    /** A product or service that is broken, faulty, damaged or poor. */
    PRODUCT_QUALITY,
    /** Signing in, passwords, blocked or hacked accounts, the app or site not letting one in. */
    ACCOUNT_LOGIN,
    /** Rude, unhelpful or incompetent staff. */
    STAFF_BEHAVIOUR,
    /** Waiting, queues, holds, nobody answering. */
    WAITING_NO_ANSWER,
    /** Prices, costs, fees, discounts. */
    PRICING,
    /** A complaint or question none of the above fits. */
    OTHER;

    private final String code = name().toLowerCase(Locale.ROOT);

    /** The stable code, as in the event and the templates ({@code refund_billing}). */
    public String code() {
        return code;
    }

    /** The topic of a code, or null when the code is not one. */
    public static Topic ofCode(String code) {
        for (Topic t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
