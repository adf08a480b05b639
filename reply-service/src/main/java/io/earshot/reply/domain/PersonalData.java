package io.earshot.reply.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Personal data in replies: what triage found in the comment (spans) must never be echoed in a public reply, and
 * anything that looks like an e-mail address, phone, card or IBAN is treated the same way as a backstop.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\d[\\d ().-]{7,}\\d(?![\\w])");
    private static final Pattern CARD = Pattern.compile("\\b(?:\\d[ -]?){13,19}\\b");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?:\\s?[A-Z0-9]{4}){2,7}(?:\\s?[A-Z0-9]{1,4})?\\b");

    private PersonalData() {
    }

    /** The personal data strings of the comment, from triage's spans (out-of-range spans are ignored). */
    public static Set<String> fromComment(QueueItem item) {
        Set<String> found = new LinkedHashSet<>();
        if (item.pii() == null || item.text() == null) {
            return found;
        }
        for (QueueItem.Pii span : item.pii()) {
            if (span.start() >= 0 && span.end() <= item.text().length() && span.start() < span.end()) {
                String value = item.text().substring(span.start(), span.end()).strip();
                if (value.length() >= 3) {
                    found.add(value);
                }
            }
        }
        return found;
    }

    /** Masks the comment's personal data and anything that looks personal in {@code text}. */
    public static String mask(QueueItem item, String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String value : fromComment(item)) {
            masked = masked.replace(value, "[hidden]");
        }
        masked = EMAIL.matcher(masked).replaceAll("[hidden]");
        masked = IBAN.matcher(masked).replaceAll("[hidden]");
        masked = CARD.matcher(masked).replaceAll("[hidden]");
        return PHONE.matcher(masked).replaceAll("[hidden]");
    }

    /** The kinds of personal data {@code text} contains, empty when none. */
    public static List<String> echoed(QueueItem item, String text) {
        List<String> kinds = new ArrayList<>();
        for (String value : fromComment(item)) {
            if (text.contains(value)) {
                kinds.add("the commenter's " + typeOf(item, value));
            }
        }
        if (EMAIL.matcher(text).find()) {
            kinds.add("an e-mail address");
        }
        if (IBAN.matcher(text).find()) {
            kinds.add("an IBAN");
        }
        if (CARD.matcher(text).find()) {
            kinds.add("a card number");
        } else if (PHONE.matcher(text).find()) {
            kinds.add("a phone number");
        }
        return List.copyOf(new LinkedHashSet<>(kinds));
    }

    private static String typeOf(QueueItem item, String value) {
        for (QueueItem.Pii span : item.pii()) {
            if (span.end() <= item.text().length() && span.start() < span.end()
                    && item.text().substring(span.start(), span.end()).strip().equals(value)) {
                return span.type();
            }
        }
        return "personal data";
    }
}
