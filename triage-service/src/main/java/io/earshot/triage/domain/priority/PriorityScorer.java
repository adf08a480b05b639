package io.earshot.triage.domain.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Orders the inbox: a 0-100 score built from the stance and its confidence, urgency cues, the service failure a
 * complaint names, questions, the author's reach, the platform's moderation status and the comment's age, with the
 * reasons that raised or lowered it, so staff see why a comment is on top.
 */
public final class PriorityScorer {

    /**
     * Everything the score depends on. Nullable fields are unknown. {@code service} are the service-complaint cues
     * (refund, delivery, no answer, rude staff, ...) of {@code model/service-cues.tsv}.
     */
    public record Input(String label, double complaint, double praise, boolean question, boolean spam,
                       boolean abusive, boolean pii, List<UrgencyCues.Cue> cues, List<UrgencyCues.Cue> service,
                       Long followers, String platformStatus, Long ageSeconds) { }

    /**
     * Points for a complaint that names a service failure: someone has to act (refund, chase a parcel, call back), so
     * it ranks above a complaint of the same confidence that does not; once, however many failures it names.
     */
    static final double SERVICE_FAILURE = 10;

    /** A score and the reasons behind it, biggest first. */
    public record Priority(int score, List<String> reasons) { }

    public Priority score(Input in) {
        List<Reason> r = new ArrayList<>();
        double s = 20;
        if ("complaint".equals(in.label())) {
            r.add(new Reason(15 + 30 * in.complaint(), String.format(Locale.ROOT, "complaint (%.0f%%)", in.complaint() * 100)));
        } else if ("praise".equals(in.label())) {
            r.add(new Reason(-5, "praise"));
        }
        if ("complaint".equals(in.label()) && !in.service().isEmpty()) {
            StringBuilder named = new StringBuilder();
            for (UrgencyCues.Cue c : in.service()) {
                named.append(named.length() == 0 ? "" : ", ").append(c.category()).append(" (\"").append(c.term()).append("\")");
            }
            r.add(new Reason(SERVICE_FAILURE, "service failure: " + named));
        }
        for (UrgencyCues.Cue c : in.cues()) {
            double pts = switch (c.category()) {
                case "safety" -> 30;
                case "legal" -> 25;
                case "cancellation" -> 15;
                case "outage" -> 15;
                default -> 10;
            };
            r.add(new Reason(pts, "urgency: " + c.category() + " (\"" + c.term() + "\")"));
        }
        if (in.question()) {
            r.add(new Reason(10, "asks a question"));
        }
        if (in.pii()) {
            r.add(new Reason(5, "contains personal data: answer privately"));
        }
        if (in.abusive()) {
            r.add(new Reason(5, "abusive: moderate, do not answer in kind"));
        }
        if (in.spam()) {
            r.add(new Reason(-40, "spam"));
        }
        if (in.followers() != null && in.followers() >= 1000) {
            double pts = Math.min(20, 4 * (Math.log10(in.followers()) - 2));
            r.add(new Reason(pts, String.format(Locale.ROOT, "author reach (%,d followers)", in.followers())));
        }
        if (in.platformStatus() != null) {
            String st = in.platformStatus().toLowerCase(Locale.ROOT);
            if (st.equals("removed") || st.equals("hidden") || st.equals("deleted") || st.equals("rejected")) {
                r.add(new Reason(-30, "platform status: " + st));
            } else if (st.equals("held") || st.equals("held_for_review") || st.equals("pending") || st.equals("reported")) {
                r.add(new Reason(10, "platform status: " + st));
            }
        }
        if (in.ageSeconds() != null) {
            long age = in.ageSeconds();
            if (age <= 3600) {
                r.add(new Reason(5, "recent (under an hour)"));
            } else if (age > 7 * 86400) {
                r.add(new Reason(-15, "older than a week"));
            } else if (age > 2 * 86400) {
                r.add(new Reason(-5, "older than two days"));
            }
        }
        for (Reason x : r) {
            s += x.points;
        }
        int score = (int) Math.round(Math.max(0, Math.min(100, s)));
        r.sort((a, b) -> Double.compare(Math.abs(b.points), Math.abs(a.points)));
        List<String> reasons = new ArrayList<>(r.size());
        for (Reason x : r) {
            reasons.add(String.format(Locale.ROOT, "%+d %s", Math.round(x.points), x.text));
        }
        return new Priority(score, List.copyOf(reasons));
    }

    private record Reason(double points, String text) { }
}
