package io.earshot.ingest.connector;

import io.earshot.ingest.messaging.ConnectorStatusEvent;
import io.earshot.ingest.messaging.ConnectorStatusPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The health of every connector (one per platform account). A change (a token expired, a rate limit hit, back to
 * ok) is published once as a {@code connector.status} event and shows in the readiness check as a warning, never
 * as a failure: one revoked token must not take the whole door down.
 */
@ApplicationScoped
public class ConnectorStatus {

    private static final Logger LOG = Logger.getLogger(ConnectorStatus.class);

    /** A connector's state. */
    public enum State {
        ok, token_expired, rate_limited, quota_exhausted, unreachable
    }

    /** The current state and why. */
    public record Current(State state, String reason, Instant since) {
    }

    private final Map<String, Current> states = new ConcurrentHashMap<>();

    @Inject
    ConnectorStatusPublisher publisher;

    public void report(String platform, String account, State state, String reason) {
        String connector = platform + ":" + account;
        Instant now = Instant.now();
        Current before = states.get(connector);
        if (before != null && before.state() == state) {
            return;
        }
        if (before == null && state == State.ok) {
            states.put(connector, new Current(state, reason, now));
            return;
        }
        states.put(connector, new Current(state, reason, now));
        String previous = before == null ? State.ok.name() : before.state().name();
        if (state == State.ok) {
            LOG.infof("connector %s is ok again (was %s)", connector, previous);
        } else {
            LOG.warnf("connector %s: %s (%s)", connector, state, reason);
        }
        publisher.publish(new ConnectorStatusEvent(UUID.randomUUID().toString(), connector, platform, account,
                state.name(), previous, reason, now));
    }

    public void ok(String platform, String account) {
        report(platform, account, State.ok, null);
    }

    public Current of(String platform, String account) {
        return states.get(platform + ":" + account);
    }

    public Map<String, Current> all() {
        return new TreeMap<>(states);
    }
}
