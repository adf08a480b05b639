package io.earshot.commons.retry;

import com.fasterxml.jackson.core.JacksonException;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a fault that goes away by itself (Redis down, restarting or failing over; Kafka unreachable or electing a
 * leader) from one that never will (a bad record, a bug). Only the first kind may be retried: retrying the second
 * would hold its partition for ever, so it goes to the dead-letter topic.
 */
public final class TransientFaults {

    /** Redis error replies that a restart or failover clears; any other error reply is a bug or bad data. */
    private static final String[] TRANSIENT_REPLIES = {"LOADING", "BUSY", "READONLY", "MASTERDOWN", "TRYAGAIN",
            "CLUSTERDOWN", "NOREPLICAS"};

    private TransientFaults() {
    }

    /** Whether {@code failure}, or any of its causes, is a transient Redis or Kafka fault. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    /** The store a transient fault came from, for metrics and readiness: {@code redis}, {@code kafka} or null. */
    public static String storeOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return t instanceof RetriableException ? "kafka" : "redis";
            }
        }
        return null;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof RetriableException) {
            return true; // Kafka's own verdict: timeouts, no leader, not enough replicas, network errors
        }
        if (t instanceof IOException && !(t instanceof JacksonException)) {
            return true; // a connection reset or closed under a command: Lettuce's async API hands it over unwrapped
        }
        if (t instanceof RedisLoadingException || t instanceof RedisBusyException) {
            return true;
        }
        if (t instanceof RedisCommandExecutionException) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            for (String reply : TRANSIENT_REPLIES) {
                if (message.startsWith(reply)) {
                    return true;
                }
            }
            return false; // WRONGTYPE, a script error, ...: retrying gives the same answer
        }
        // RedisConnectionException, RedisCommandTimeoutException, and the plain RedisException Lettuce raises for
        // "not connected, commands are rejected" or a connection closed under a command
        return t instanceof RedisException;
    }
}
