package io.earshot.triage.domain.model;

/** One labelled comment from a training or evaluation file. */
public record Example(String id, String text, String lang, String label, String source, String split) {

    /** The platform the rows of a source were written on, as the product would know it for a live comment. */
    public String platform() {
        return switch (source) {
            case "youtube-spam" -> "youtube";
            case "laroseda", "news-ro-offense" -> "web";
            default -> "twitter";
        };
    }
}
