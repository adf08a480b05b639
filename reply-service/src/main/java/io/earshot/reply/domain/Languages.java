package io.earshot.reply.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Language codes as staff give them: BCP-47 primary language subtags (ISO 639, two or three letters), lower-cased.
 * Regions and scripts are refused rather than silently dropped, so nobody believes "pt-BR" means more than "pt".
 */
public final class Languages {

    private static final Pattern PRIMARY = Pattern.compile("[a-z]{2,3}");
    /** Codes that name no language: unknown, multiple, none, reserved. */
    private static final Set<String> NOT_A_LANGUAGE = Set.of("und", "mul", "zxx", "mis", "qaa");
    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb");

    /** At most this many reading languages per user. */
    public static final int MAX = 20;

    private Languages() {
    }

    /** Whether {@code code} is a primary language subtag naming a language. */
    public static boolean valid(String code) {
        return code != null && PRIMARY.matcher(code).matches() && !NOT_A_LANGUAGE.contains(code);
    }

    /**
     * Normalises one code, or throws a {@link WorkflowException} (400 at the API) naming {@code field}.
     */
    public static String require(String field, String code) {
        String c = code == null ? null : code.strip().toLowerCase(Locale.ROOT);
        if (!valid(c)) {
            throw WorkflowException.badField(field, "must be a BCP-47 primary language subtag such as en, ar or te"
                    + " (two or three letters, no region or script)");
        }
        return c;
    }

    /** Normalises a list of codes (duplicates dropped, order kept), or throws a {@link WorkflowException} naming the bad entry. */
    public static List<String> requireList(String field, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw WorkflowException.badField(field, "name at least one language");
        }
        if (codes.size() > MAX) {
            throw WorkflowException.badField(field, "name at most " + MAX + " languages");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String c = require(field + "[" + i + "]", codes.get(i));
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** Whether a comment in {@code lang} can be read by someone who reads {@code reads}; unknown languages cannot. */
    public static boolean readable(String lang, List<String> reads) {
        return lang != null && reads.contains(lang.toLowerCase(Locale.ROOT));
    }

    /** Whether text in this language runs right to left. */
    public static boolean rightToLeft(String lang) {
        return lang != null && RTL.contains(lang.toLowerCase(Locale.ROOT));
    }
}
