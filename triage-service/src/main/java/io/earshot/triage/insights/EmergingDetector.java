package io.earshot.triage.insights;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Finds what is rising among complaints and questions, per language: a term (word or 2-word phrase) whose count in
 * the sliding window is at least {@code minCount} and whose Poisson upper tail, against the rate its decayed baseline
 * predicts for the window's volume, is below {@code pValue}. Emerging terms whose comments overlap form one issue;
 * an issue raises one alarm, and another only when it has grown by {@code growthFactor}.
 *
 * <p>Deterministic in the observations and their times (no wall clock), so replicas that read the same stream reach
 * the same issues with the same ids: that is what makes the Redis claim in {@code AlarmClaims} enough for several
 * replicas (docs/insights.md). Not thread-safe: one consumer thread feeds it.
 */
public final class EmergingDetector {

    /** One comment as the detector sees it. */
    public record Observation(String itemId, String lang, String platform, String text, Instant at) {
    }

    private record Doc(String itemId, String platform, long bucket, Set<String> terms) {
    }

    private static final class Issue {
        final String id;
        final Set<String> terms = new LinkedHashSet<>();
        final Map<String, Doc> items = new LinkedHashMap<>();
        int announced;
        int version;
        long lastBucket;

        Issue(String id) {
            this.id = id;
        }
    }

    private final class Language {
        final String lang;
        final ArrayDeque<Doc> window = new ArrayDeque<>();
        final Map<String, Set<Doc>> windowDocs = new HashMap<>();
        final Map<String, Double> baseline = new HashMap<>();
        double baselineDocs;
        final List<Issue> issues = new ArrayList<>();

        Language(String lang) {
            this.lang = lang;
        }
    }

    private final DetectorSettings s;
    private final double decayPerBucket;
    private final Map<String, Language> languages = new TreeMap<>();
    private long current = Long.MIN_VALUE;

    public EmergingDetector(DetectorSettings settings) {
        this.s = settings;
        double buckets = (double) settings.baselineHalfLife().toMillis() / settings.bucket().toMillis();
        this.decayPerBucket = Math.pow(0.5, 1.0 / buckets);
    }

    /** Counts {@code o} and answers the alarms it raises (usually none). */
    public List<Emerging> observe(Observation o) {
        long bucket = Math.floorDiv(o.at().toEpochMilli(), s.bucket().toMillis());
        advanceTo(bucket);
        Language l = languages.computeIfAbsent(o.lang() == null ? "und" : o.lang(), Language::new);
        Doc doc = new Doc(o.itemId(), o.platform(), current, Terms.of(o.text(), s.minChars()));
        l.window.addLast(doc);
        for (String t : doc.terms()) {
            l.windowDocs.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(doc);
        }
        if (l.baselineDocs < s.minBaselineDocs()) {
            return List.of();
        }
        Set<Issue> touched = new LinkedHashSet<>();
        for (String t : doc.terms()) {
            Set<Doc> docs = l.windowDocs.get(t);
            if (docs.size() < s.minCount() || pValue(l, t, docs.size()) >= s.pValue()) {
                continue;
            }
            touched.add(attach(l, t, docs));
        }
        List<Emerging> alarms = new ArrayList<>();
        for (Issue issue : touched) {
            issue.lastBucket = current;
            if (issue.items.size() >= Math.max(s.minCount(), issue.announced * s.growthFactor())) {
                issue.announced = issue.items.size();
                issue.version++;
                alarms.add(describe(l, issue));
            }
        }
        return alarms;
    }

    /** Active issues across languages (for health and tests). */
    public int activeIssues() {
        return languages.values().stream().mapToInt(l -> l.issues.size()).sum();
    }

    private double pValue(Language l, String term, int count) {
        double rate = (l.baseline.getOrDefault(term, 0.0) + 0.5) / (l.baselineDocs + 1.0);
        return Poisson.upperTail(count, rate * l.window.size());
    }

    /** Adds {@code term} and its comments to the issue they overlap, or to a new issue anchored on it. */
    private Issue attach(Language l, String term, Set<Doc> docs) {
        Issue best = null;
        for (Issue issue : l.issues) {
            if (issue.terms.contains(term)) {
                best = issue;
                break;
            }
            int shared = 0;
            for (Doc d : docs) {
                if (issue.items.containsKey(d.itemId())) {
                    shared++;
                }
            }
            if (shared >= s.groupOverlap() * Math.min(docs.size(), issue.items.size())) {
                best = issue;
                break;
            }
        }
        if (best == null) {
            String key = l.lang + "|" + term + "|" + current;
            best = new Issue(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
            l.issues.add(best);
        }
        best.terms.add(term);
        for (Doc d : docs) {
            best.items.putIfAbsent(d.itemId(), d);
        }
        return best;
    }

    private Emerging describe(Language l, Issue issue) {
        List<Emerging.TermStat> terms = new ArrayList<>();
        for (String t : issue.terms) {
            int count = l.windowDocs.getOrDefault(t, Set.of()).size();
            double expected = (l.baseline.getOrDefault(t, 0.0) + 0.5) / (l.baselineDocs + 1.0) * l.window.size();
            terms.add(new Emerging.TermStat(t, count, round(expected), Poisson.upperTail(count, expected)));
        }
        terms.sort(Comparator.comparingInt(Emerging.TermStat::count).reversed());
        Map<String, Integer> platforms = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Doc d : issue.items.values()) {
            platforms.merge(d.platform() == null ? "unknown" : d.platform(), 1, Integer::sum);
            if (examples.size() < s.examples()) {
                examples.add(d.itemId());
            }
        }
        Instant end = Instant.ofEpochMilli((current + 1) * s.bucket().toMillis());
        Instant start = end.minus(s.bucket().multipliedBy(s.windowBuckets()));
        return new Emerging(issue.id, issue.version, l.lang, terms, issue.items.size(), platforms, examples, start,
                end);
    }

    /** Moves the window to {@code bucket}: comments that leave it join the decayed baseline; idle issues close. */
    private void advanceTo(long bucket) {
        if (current == Long.MIN_VALUE) {
            current = bucket;
            return;
        }
        while (current < bucket) {
            current++;
            long oldest = current - s.windowBuckets();
            for (Language l : languages.values()) {
                for (Map.Entry<String, Double> e : l.baseline.entrySet()) {
                    e.setValue(e.getValue() * decayPerBucket);
                }
                l.baseline.values().removeIf(v -> v < 0.02);
                l.baselineDocs *= decayPerBucket;
                while (!l.window.isEmpty() && l.window.peekFirst().bucket() <= oldest) {
                    Doc d = l.window.removeFirst();
                    l.baselineDocs += 1;
                    for (String t : d.terms()) {
                        l.baseline.merge(t, 1.0, Double::sum);
                        Set<Doc> docs = l.windowDocs.get(t);
                        docs.remove(d);
                        if (docs.isEmpty()) {
                            l.windowDocs.remove(t);
                        }
                    }
                    for (Issue issue : l.issues) {
                        issue.items.remove(d.itemId());
                    }
                }
                for (Iterator<Issue> it = l.issues.iterator(); it.hasNext(); ) {
                    Issue issue = it.next();
                    if (issue.lastBucket <= oldest || issue.items.isEmpty()) {
                        it.remove();
                    }
                }
            }
            if (languages.values().stream().allMatch(l -> l.window.isEmpty()) && bucket - current > s.windowBuckets()) {
                // a long gap: decay the rest in one step instead of bucket by bucket
                double factor = Math.pow(decayPerBucket, bucket - current);
                for (Language l : languages.values()) {
                    l.baseline.replaceAll((k, v) -> v * factor);
                    l.baselineDocs *= factor;
                }
                current = bucket;
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
