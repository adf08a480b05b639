package io.earshot.triage.domain.model;

import java.util.List;

/**
 * Turns text into hashed sparse features: character 1-5-grams inside word boundaries, word uni- and bi-grams with
 * negation scope, emoji, lexicon valence (flipped under negation, strengthened by intensifiers), elongation, capitals
 * and punctuation cues. Every feature is emitted twice, once shared by all languages and once conjoined with the
 * language, so one multilingual model learns both what is common and what is language specific.
 */
public final class Features {

    /** Settings that change the feature space; stored in the model file so inference matches training. */
    public record Config(int bits, int charMin, int charMax, boolean wordBigrams, boolean langConjoined,
                         boolean charsLangConjoined, boolean lexicon, boolean abuseCues) {
        /** Without the abuse cues (the stance and spam models). */
        public Config(int bits, int charMin, int charMax, boolean wordBigrams, boolean langConjoined,
                      boolean charsLangConjoined, boolean lexicon) {
            this(bits, charMin, charMax, wordBigrams, langConjoined, charsLangConjoined, lexicon, false);
        }

        public static Config defaults(int bits, boolean charsLangConjoined) {
            return new Config(bits, 1, 5, true, true, charsLangConjoined, true);
        }

        /** As before the abuse cues existed when they are off, so that the versions of models without them stay. */
        @Override
        public String toString() {
            return "Config[bits=" + bits + ", charMin=" + charMin + ", charMax=" + charMax + ", wordBigrams=" + wordBigrams
                    + ", langConjoined=" + langConjoined + ", charsLangConjoined=" + charsLangConjoined + ", lexicon="
                    + lexicon + (abuseCues ? ", abuseCues=true" : "") + "]";
        }

        /** The same settings with the abuse cues ({@code model/abuse-cues.tsv}) on or off. */
        public Config withAbuseCues(boolean on) {
            return new Config(bits, charMin, charMax, wordBigrams, langConjoined, charsLangConjoined, lexicon, on);
        }
    }

    private static final int NEG_SCOPE = 3;
    private static final String[] LENGTH = {"len0", "len1", "len2", "len3"};
    static double WORD_WEIGHT = Double.parseDouble(System.getProperty("ww", "1"));
    static boolean PLATFORM = !Boolean.getBoolean("noplat");
    static boolean CONJ_CHARS = !Boolean.getBoolean("nocc");
    static boolean SERVICE_CUES = !Boolean.getBoolean("nosvc");
    static double CHAR_WEIGHT = Double.parseDouble(System.getProperty("cw", "1"));

    private final Config config;
    private final Lexicon lexicon;
    private final int mask;

    public Features(Config config, Lexicon lexicon) {
        this.config = config;
        this.lexicon = lexicon;
        this.mask = (1 << config.bits()) - 1;
    }

    public Config config() {
        return config;
    }

    /** Fills {@code out} with the features of {@code text} written in {@code lang} (may be "und"). */
    public void extract(String text, String lang, String platform, FeatureVector out) {
        extract(Text.analyse(text), lang, platform, out);
    }

    /** Canonical platform name for the platform prior ("x" and "twitter" are one). */
    public static String platform(String p) {
        if (p == null || p.isBlank()) {
            return "other";
        }
        String s = p.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "x", "twitter", "x.com" -> "twitter";
            case "youtube", "yt" -> "youtube";
            case "web", "reviews", "website", "shop", "news" -> "web";
            default -> s.length() > 20 ? "other" : s;
        };
    }

    public void extract(Text.Analysed a, String lang, String platform, FeatureVector out) {
        out.clear();
        out.tokens = a.tokens();
        String l = lang == null || lang.isEmpty() ? "und" : lang;
        int langSeed = config.langConjoined() ? fnv(0x2545F491, l) : 0;
        List<Text.Token> tokens = a.tokens();
        int nTok = tokens.size();
        int prevHash = 0x5bd1e995; // start marker
        int negLeft = 0;
        float pos = 0f, neg = 0f;
        int negations = 0, intensified = 0;
        boolean intensNext = false;
        for (int t = 0; t < nTok; t++) {
            Text.Token tok = tokens.get(t);
            String w = tok.text();
            boolean negated = negLeft > 0;
            int wh;
            switch (tok.kind()) {
                case WORD -> {
                    wh = fnv(negated ? 0x1234567 : 0x7654321, w);
                    emit(out, wh, 1f, langSeed, t);
                    if (negated) {
                        emit(out, fnv(0x7654321, w), 0.5f, langSeed, t);
                    }
                    if (config.lexicon()) {
                        float s = lexicon.score(l, w);
                        if (s != 0f) {
                            if (intensNext) {
                                s *= 1.5f;
                                intensified++;
                            }
                            if (negated) {
                                s = -s * 0.7f;
                            }
                            if (s > 0) {
                                pos += s;
                            } else {
                                neg -= s;
                            }
                        }
                    }
                    if (Lexicon.isNegator(l, w)) {
                        negLeft = NEG_SCOPE + 1;
                        negations++;
                    }
                    intensNext = Lexicon.isIntensifier(w);
                    if (tok.elongated()) {
                        emit(out, fnv(0x3141592, "elong"), 1f, langSeed, FeatureVector.ELONGATED);
                    }
                }
                case EMOJI -> {
                    wh = fnv(0x2718281, w);
                    emit(out, wh, 1f, langSeed, t);
                    float s = w.equals(":)") ? 2f : w.equals(":(") ? -2f : lexicon.emoji(w);
                    if (s > 0) {
                        pos += s;
                    } else {
                        neg -= s;
                    }
                    intensNext = false;
                }
                case PUNCT -> {
                    wh = fnv(0x1618033, w);
                    if (!w.equals("!")) {
                        negLeft = 0;
                    }
                    intensNext = false;
                }
                default -> {
                    wh = fnv(0x1414213, w);
                    emit(out, wh, 0.5f, langSeed, t);
                    intensNext = false;
                }
            }
            if (config.wordBigrams()) {
                emit(out, mix(prevHash * 31 + wh), 1f, langSeed, FeatureVector.BIGRAM + t);
            }
            prevHash = wh;
            if (negLeft > 0) {
                negLeft--;
            }
        }
        if (config.wordBigrams() && nTok > 0) {
            emit(out, mix(prevHash * 31 + 0x68e31da4), 1f, langSeed, FeatureVector.BIGRAM + nTok);
        }
        // length-normalise the word part and the character part separately
        int words = out.size;
        for (int t = 0; t < nTok; t++) {
            Text.Token tok = tokens.get(t);
            if (tok.kind() == Text.Kind.WORD) {
                charNgrams(out, tok.text(), config.charsLangConjoined() ? langSeed : 0, t);
            }
        }
        int chars = out.size - words;
        double per = config.langConjoined() ? 2.0 : 1.0;
        if (words > 0) {
            out.scale(0, words, (float) (1.0 / Math.sqrt(words / per)));
        }
        if (chars > 0) {
            out.scale(words, out.size, (float) (1.0 / Math.sqrt(chars / (config.charsLangConjoined() ? per : 1.0))));
        }
        // dense cues
        emit(out, fnv(0x42, "bias"), 1f, langSeed, FeatureVector.PRIOR);
        out.add(mix(fnv(0x47, platform(platform))) & mask, 1f, FeatureVector.PLATFORM);
        if (pos > 0) {
            emit(out, fnv(0x43, "lexpos"), (float) Math.log1p(pos), langSeed, FeatureVector.POSITIVE);
        }
        if (neg > 0) {
            emit(out, fnv(0x43, "lexneg"), (float) Math.log1p(neg), langSeed, FeatureVector.NEGATIVE);
        }
        if (pos > 0 || neg > 0) {
            String bal = pos > neg * 1.5 ? "lexbal+" : neg > pos * 1.5 ? "lexbal-" : "lexbal=";
            emit(out, fnv(0x43, bal), 1f, langSeed, FeatureVector.VALENCE);
        } else {
            emit(out, fnv(0x43, "lexnone"), 1f, langSeed, FeatureVector.NO_VALENCE);
        }
        if (config.lexicon() && SERVICE_CUES) {
            // one feature per category of service complaint, the same in every language (and per language)
            for (var cue : lexicon.serviceCues(a, l)) {
                emit(out, fnv(0x48, cue.category()), 1f, langSeed, FeatureVector.SERVICE);
            }
        }
        if (config.abuseCues()) {
            // one feature per category of abuse, the same in every language: what one language's abuse set teaches
            // carries to a language, or a definition, that has none in training
            for (var cue : lexicon.abuseCues(a, l)) {
                emit(out, fnv(0x49, cue.category()), 1f, langSeed, FeatureVector.ABUSE);
            }
        }
        if (negations > 0) {
            emit(out, fnv(0x44, "neg"), 1f, langSeed, FeatureVector.NEGATION);
        }
        if (intensified > 0) {
            emit(out, fnv(0x44, "intens"), 1f, langSeed, FeatureVector.INTENSIFIER);
        }
        if (a.exclamations() > 0) {
            emit(out, fnv(0x45, a.exclamations() > 1 ? "excl2" : "excl1"), 1f, langSeed, FeatureVector.EXCLAMATION);
        }
        if (a.questions() > 0) {
            emit(out, fnv(0x45, "quest"), 1f, langSeed, FeatureVector.QUESTION);
        }
        if (a.capsWords() > 0) {
            emit(out, fnv(0x45, a.capsWords() > 2 ? "caps3" : "caps1"), 1f, langSeed, FeatureVector.CAPITALS);
        }
        int len = nTok < 5 ? 0 : nTok < 12 ? 1 : nTok < 30 ? 2 : 3;
        emit(out, fnv(0x46, LENGTH[len]), 1f, langSeed, FeatureVector.LENGTH);
    }

    /** Index of the language-conjoined bias feature of {@code lang} (the language's label prior). */
    public int biasIndex(String lang) {
        String l = lang == null || lang.isEmpty() ? "und" : lang;
        int langSeed = config.langConjoined() ? fnv(0x2545F491, l) : 0;
        return mix(fnv(0x42, "bias") ^ langSeed) & mask;
    }

    private void charNgrams(FeatureVector out, String w, int langSeed, int origin) {
        int len = w.length();
        if (len > 40) {
            return;
        }
        int min = config.charMin(), max = config.charMax();
        // padded word: '^' + w + '$'
        for (int start = -1; start <= len; start++) {
            int h = 0x811C9DC5;
            for (int n = 1; n <= max; n++) {
                int p = start + n - 1;
                if (p > len) {
                    break;
                }
                char c = p < 0 ? '^' : p == len ? '$' : w.charAt(p);
                h = (h ^ c) * 16777619;
                if (n >= min && !(n == 1 && (p < 0 || p == len))) {
                    emit(out, mix(h ^ (n * 0x9E3779B9)), 1f, langSeed, origin);
                }
            }
        }
    }

    private void emit(FeatureVector out, int h, float v, int langSeed, int why) {
        out.add(mix(h) & mask, v, why);
        if (langSeed != 0) {
            out.add(mix(h ^ langSeed) & mask, v, why);
        }
    }

    static int fnv(int seed, String s) {
        int h = 0x811C9DC5 ^ seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 16777619;
        }
        return mix(h);
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
