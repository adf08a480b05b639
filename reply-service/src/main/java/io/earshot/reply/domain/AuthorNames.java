package io.earshot.reply.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A commenter's name is hostile input like the comment itself, and unlike the comment it is pasted into our own
 * reply ({@code {author}}). So author fields are normalised as comment text is (NFC, no control or bidi-override
 * characters), and the name a draft addresses is stripped further: no invisible formatting characters, no
 * {@code @mention}, no link or bare domain, no phone-like digit runs, no symbols, at most {@link #MAX_LENGTH}
 * characters. What is left is a name or nothing (the draft then addresses nobody).
 */
public final class AuthorNames {

    /** Longest name a draft addresses, in code points. */
    public static final int MAX_LENGTH = 40;

    private static final Pattern LINK = Pattern.compile("(?i)(?:[a-z][a-z0-9+.-]*://|www\\.)\\S*");
    private static final Pattern MENTION = Pattern.compile("[@＠]\\S*");
    private static final Pattern DOMAIN = Pattern.compile("(?U)[\\w-]+(?:[.。．][\\w-]+)*[.。．]\\p{L}{2,}\\b");
    private static final Pattern TAG = Pattern.compile("<[^>]*>?");
    private static final Pattern DIGITS = Pattern.compile("\\d[\\d\\s().+-]*\\d");
    private static final Pattern ALLOWED = Pattern.compile("[^\\p{L}\\p{M}\\p{N} .'’-]");

    private AuthorNames() {
    }

    /** An author field normalised like comment text: NFC, one line, no control or bidi-override characters. */
    public static String normalize(String field) {
        if (field == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(field.length());
        field.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) != Character.CONTROL && !bidiControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC).replaceAll(" {2,}", " ").strip();
    }

    /** The name a draft may address the commenter by, or null when nothing safe is left. */
    public static String forReply(String name) {
        String s = normalize(name);
        if (s == null) {
            return null;
        }
        StringBuilder visible = new StringBuilder(s.length());
        // zero-width and other format characters (U+200B..U+200F, U+2060, U+FEFF, ...) can hide what a name says
        s.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(visible::appendCodePoint);
        s = visible.toString();
        s = TAG.matcher(s).replaceAll(" ");
        s = LINK.matcher(s).replaceAll(" ");
        s = MENTION.matcher(s).replaceAll(" ");
        s = DOMAIN.matcher(s).replaceAll(" ");
        s = DIGITS.matcher(s).replaceAll(" ");
        s = ALLOWED.matcher(s).replaceAll(" ");
        s = s.replaceAll(" {2,}", " ").strip();
        s = s.replaceAll("^[ .'’-]+|[ .'’-]+$", "");
        if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH));
            int space = s.lastIndexOf(' ');
            if (space > MAX_LENGTH / 2) {
                s = s.substring(0, space);
            }
            s = s.replaceAll("[ .'’-]+$", "");
        }
        return s.codePoints().anyMatch(Character::isLetter) ? s : null;
    }

    /** Bidi embeddings, overrides and isolates, and the marks: they can make a name read as other text. */
    private static boolean bidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
