package io.earshot.triage.domain.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data a reply must never echo: e-mail addresses, phone numbers (libphonenumber, validated for the
 * region that the comment's language suggests, or international format), payment card numbers (Luhn) and IBANs
 * (ISO 13616 mod-97 checksum). Cheap pre-checks keep the common case (no digits, no '@') fast.
 */
public final class PiiDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    private static final Pattern CARD = Pattern.compile("(?<![\\d])(?:\\d[ -]?){12,18}\\d(?![\\d])");
    private static final Pattern IBAN = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![A-Za-z0-9])");

    /** Region used to read national phone numbers, by comment language. */
    private static final Map<String, String> REGION = Map.ofEntries(Map.entry("en", "US"), Map.entry("es", "ES"),
            Map.entry("ru", "RU"), Map.entry("ar", "EG"), Map.entry("ro", "RO"), Map.entry("te", "IN"),
            Map.entry("hi", "IN"), Map.entry("fr", "FR"), Map.entry("de", "DE"), Map.entry("pt", "BR"),
            Map.entry("it", "IT"));

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion region (ISO 3166 alpha-2) for national numbers when the language suggests none. */
    public PiiDetector(String defaultRegion) {
        this.defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "US" : defaultRegion;
    }

    public PiiDetector() {
        this("US");
    }

    /** All spans in {@code text}, ordered by start, never overlapping. */
    public List<PiiSpan> find(String text, String lang) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        int digits = 0;
        boolean at = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            }
        }
        if (digits < 6 && !at) {
            return List.of();
        }
        List<PiiSpan> out = new ArrayList<>(2);
        if (at) {
            Matcher m = EMAIL.matcher(text);
            while (m.find()) {
                out.add(new PiiSpan(PiiSpan.EMAIL, m.start(), m.end()));
            }
        }
        if (digits >= 10) {
            Matcher m = IBAN.matcher(text);
            while (m.find()) {
                if (ibanValid(m.group())) {
                    add(out, new PiiSpan(PiiSpan.IBAN, m.start(), m.end()));
                }
            }
        }
        if (digits >= 13) {
            Matcher m = CARD.matcher(text);
            while (m.find()) {
                if (luhnValid(m.group())) {
                    add(out, new PiiSpan(PiiSpan.CARD, m.start(), m.end()));
                }
            }
        }
        if (digits >= 6) {
            String region = REGION.getOrDefault(lang == null ? "" : lang, defaultRegion);
            for (PhoneNumberMatch pm : phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, 50)) {
                add(out, new PiiSpan(PiiSpan.PHONE, pm.start(), pm.end()));
            }
        }
        out.sort(Comparator.comparingInt(PiiSpan::start));
        return List.copyOf(out);
    }

    private static void add(List<PiiSpan> out, PiiSpan s) {
        for (PiiSpan o : out) {
            if (s.start() < o.end() && o.start() < s.end()) {
                return;
            }
        }
        out.add(s);
    }

    /** Luhn check over the digits of {@code s} (separators ignored), 13 to 19 digits. */
    public static boolean luhnValid(String s) {
        int sum = 0, n = 0;
        boolean dbl = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
            n++;
        }
        return n >= 13 && n <= 19 && sum % 10 == 0;
    }

    /** IBAN mod-97 check (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 == 1. */
    public static boolean ibanValid(String s) {
        String iban = s.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String r = iban.substring(4) + iban.substring(0, 4);
        StringBuilder num = new StringBuilder(r.length() * 2);
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c >= '0' && c <= '9') {
                num.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                num.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
