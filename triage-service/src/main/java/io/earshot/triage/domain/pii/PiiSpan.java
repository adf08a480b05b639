package io.earshot.triage.domain.pii;

/**
 * One piece of personal data found in a comment. {@code start} and {@code end} are UTF-16 offsets into the original
 * text (end exclusive, as Java's {@code substring} and JavaScript's {@code slice}), so the dashboard and drafts can
 * mask exactly that range.
 */
public record PiiSpan(String type, int start, int end) {
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String CARD = "card";
    public static final String IBAN = "iban";
}
