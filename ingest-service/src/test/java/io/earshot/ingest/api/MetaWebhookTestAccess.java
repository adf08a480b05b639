package io.earshot.ingest.api;

/** Lets tests in other packages build Meta deliveries the way {@link MetaWebhookTest} does. */
public final class MetaWebhookTestAccess {

    private MetaWebhookTestAccess() {
    }

    public static String feedChange(String verb, String postId, String commentId, String fromId, String message) {
        return MetaWebhookTest.feedChange(verb, postId, commentId, fromId, message);
    }

    public static String delivery(String... changes) {
        return MetaWebhookTest.delivery(changes);
    }
}
