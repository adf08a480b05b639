package io.earshot.ingest.connector;

import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.redis.CursorStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The skeleton the per-account pollers share (Mastodon, X, Google reviews, Trustpilot, Reddit): poll every configured
 * account, skip one a rate limit holds back, report an unreachable platform, and finish a poll by publishing and moving
 * the cursor only after Kafka acknowledged. Each poller keeps its own paging, which is where the platforms differ.
 *
 * @param <A> the configured account type
 */
abstract class AccountPoller<A> {

    /** One platform call. */
    @FunctionalInterface
    interface Call {
        PlatformHttp.Reply get() throws IOException;
    }

    @Inject
    PollSupport support;

    @Inject
    CursorStore cursors;

    @Inject
    ConnectorStatus status;

    @Inject
    PlatformHttp http;

    /** The platform name events and cursors carry. */
    abstract String platform();

    /** The configured accounts, by name. */
    abstract Map<String, A> accounts();

    /** One poll of one account. */
    public abstract PollResult poll(String name, A account);

    public List<PollResult> pollAll() {
        List<PollResult> results = new ArrayList<>();
        accounts().forEach((name, account) -> results.add(poll(name, account)));
        return results;
    }

    /** The connector of an account ({@code platform:name}): its status, its pauses. */
    String connector(String name) {
        return platform() + ":" + name;
    }

    /** The (empty) result of a poll a rate limit still holds back, or null when the account may be polled. */
    PollResult heldBack(String name) {
        String connector = connector(name);
        return support.paused(connector) ? new PollResult(connector, 0, 0, 0, false, "rate_limited") : null;
    }

    /** Makes one call; a platform that cannot be reached is reported and the answer is null. */
    PlatformHttp.Reply fetch(String name, Call call) {
        try {
            return call.get();
        } catch (IOException e) {
            status.report(platform(), name, State.unreachable, e.getClass().getSimpleName());
            return null;
        }
    }

    /** Publishes what a poll read; the connector is ok again when the poll did not stop early. */
    PollResult finish(String name, List<CommentDraft> drafts, String newCursor, boolean complete, String stop) {
        return finish(name, name, drafts, newCursor, complete, stop);
    }

    /** The same for an account with several cursors ({@code cursorName} names the one this poll read). */
    PollResult finish(String name, String cursorName, List<CommentDraft> drafts, String newCursor, boolean complete, String stop) {
        if (stop == null) {
            status.ok(platform(), name);
        }
        return support.finish(platform(), cursorName, drafts, newCursor, complete, stop);
    }
}
