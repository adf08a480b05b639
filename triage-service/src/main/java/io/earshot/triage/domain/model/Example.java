package io.earshot.triage.domain.model;

/**
 * One labelled comment from a training or evaluation file. {@code group} is what the held-out sets are split by
 * (company, product, article, video, venue): cross-validation keeps a group in one fold, so a figure says how the
 * model does on companies or articles it never saw. Sets without groups use the row id (row-level folds).
 */
public record Example(String id, String text, String lang, String label, String source, String split, String group) {

    public Example(String id, String text, String lang, String label, String source, String split) {
        this(id, text, lang, label, source, split, id);
    }

    /** The same row with another label (the moderation models map labels to their own). */
    public Example withLabel(String newLabel) {
        return new Example(id, text, lang, newLabel, source, split, group);
    }

    /** The platform the rows of a source were written on, as the product would know it for a live comment. */
    public String platform() {
        return switch (source) {
            case "youtube-spam" -> "youtube";
            case "laroseda", "news-ro-offense", "ar_reviews_elsahar", "ar_saudi_tourism", "es_cuba_hotels",
                 "sentiraama_te", "actsa_te" -> "web";
            case "macd_te" -> "other";
            default -> "twitter";
        };
    }
}
