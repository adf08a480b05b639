package io.earshot.ingest.connector;

import io.earshot.ingest.connector.ConnectorStatus.State;
import io.earshot.ingest.domain.CommentDraft;
import io.earshot.ingest.redis.CursorStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The skeleton every paging poller shares (template method): poll every configured account and feed, skip one a rate
 * limit holds back, read page after page back to the cursor, report an unreachable platform, and finish by publishing
 * and moving the cursor only after Kafka acknowledged. A poller only says how to read one page
 * ({@link #fetchPage}); the loop itself is final, so the rules about when a cursor may move live in one place.
 *
 * @param <A> the configured account type
 */
abstract class AccountPoller<A> implements Poller {

    private static final Logger LOG = Logger.getLogger(AccountPoller.class);

    /**
     * One pass over one feed of one account: what its page reads share.
     *
     * <p>{@code newest} is the cursor the pass will store once everything read is in Kafka; the page reads set it.
     */
    static final class Pass<A> {
        /** The account's name in statuses and pauses (the channel id for YouTube). */
        final String name;
        /** Which of the account's feeds (YouTube's moderation status, Reddit's search), or null for its only one. */
        final String feed;
        final A account;
        /** The cursor stored by the last complete pass. */
        final Optional<String> cursor;
        /** The cursor to store after this pass. */
        String newest;

        Pass(String name, String feed, A account, Optional<String> cursor) {
            this.name = name;
            this.feed = feed;
            this.account = account;
            this.cursor = cursor;
        }
    }

    /**
     * What one page read gave.
     *
     * @param read whether the page was read (false: the call failed, {@code stop} says why)
     * @param next what asks for the next page (a token, a URL, a page number), or null on the last page
     * @param reachedCursor whether the page reached what the last pass had read (paging is done)
     * @param stop why the pass must stop after this page although more pages remain (a rate budget nearly spent)
     * @param onStop what to do when the pass does stop for that reason (pause, report): nothing when this page was
     *        the last anyway
     */
    record Page(boolean read, List<CommentDraft> drafts, String next, boolean reachedCursor, String stop, Runnable onStop) {

        static Page failed(String stop) {
            return new Page(false, List.of(), null, false, stop, () -> { });
        }

        static Page of(List<CommentDraft> drafts, String next, boolean reachedCursor) {
            return new Page(true, drafts, next == null || next.isEmpty() ? null : next, reachedCursor, null, () -> { });
        }

        /** The same page, after which the pass stops if more pages remain (the cursor stays); {@code onStop} then runs. */
        Page thenStop(String reason, Runnable onStop) {
            return new Page(read, drafts, next, reachedCursor, reason, onStop);
        }
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

    /** The most pages one pass reads. */
    abstract int maxPages();

    /**
     * Reads one page of a pass ({@code next} is null for the first): drafts of what is new, the pass's {@code newest},
     * and how to go on. Failures are reported to {@link #status} here, with the platform's own reasons.
     */
    abstract Page fetchPage(Pass<A> pass, String next) throws IOException;

    /** The feeds each account has, each with its own cursor; one unnamed feed unless a poller reads several. */
    List<String> feeds() {
        return Collections.singletonList(null);
    }

    /** The account's name in statuses, pauses and cursors; the configured name unless the platform has a better one. */
    String accountName(String configured, A account) {
        return configured;
    }

    /** Whether a rate limit still holds the account back. */
    boolean held(String name) {
        return support.paused(connector(name));
    }

    @Override
    public boolean enabled() {
        return !accounts().isEmpty();
    }

    @Override
    public final List<PollResult> pollAll() {
        List<PollResult> results = new ArrayList<>();
        accounts().forEach((name, account) -> {
            for (String feed : feeds()) {
                results.add(pass(accountName(name, account), feed, account));
            }
        });
        return results;
    }

    /** One pass over an account's first feed. */
    public final PollResult poll(String name, A account) {
        return pass(accountName(name, account), feeds().get(0), account);
    }

    /** One pass over one of an account's feeds. */
    public final PollResult poll(String name, A account, String feed) {
        return pass(accountName(name, account), feed, account);
    }

    /** The connector of an account ({@code platform:name}): its status, its pauses. */
    String connector(String name) {
        return platform() + ":" + name;
    }

    /** The paging loop: page after page until the cursor, the last page, a failure or a spent budget. */
    final PollResult pass(String name, String feed, A account) {
        String cursorName = feed == null ? name : name + ":" + feed;
        if (held(name)) {
            return new PollResult(platform() + ":" + cursorName, 0, 0, 0, false, "rate_limited");
        }
        Pass<A> pass = new Pass<>(name, feed, account, cursors.get(platform(), cursorName));
        List<CommentDraft> drafts = new ArrayList<>();
        boolean complete = false;
        String stop = null;
        String next = null;
        for (int page = 0; page < maxPages(); page++) {
            Page read;
            try {
                read = fetchPage(pass, next);
            } catch (IOException e) {
                status.report(platform(), name, State.unreachable, e.getClass().getSimpleName());
                stop = "unreachable";
                break;
            }
            if (!read.read()) {
                stop = read.stop();
                break;
            }
            drafts.addAll(read.drafts());
            if (read.reachedCursor() || read.next() == null) {
                complete = true;
                break;
            }
            if (read.stop() != null) {
                read.onStop().run();
                stop = read.stop();
                break;
            }
            if (page == maxPages() - 1) {
                LOG.warnf("%s %s: more than %d pages since the last poll; older ones are skipped", platform(), cursorName,
                        maxPages());
                complete = true;
            }
            next = read.next();
        }
        if (stop == null) {
            status.ok(platform(), name);
        }
        return support.finish(platform(), cursorName, drafts, pass.newest, complete, stop);
    }
}
