package io.earshot.reply.domain;

import java.time.Instant;

/**
 * Where the item stands in the workflow and who handles it: what {@code QueueService} steps change.
 *
 * @param state where the item stands
 * @param version incremented on every change, so a stale edit can be refused
 * @param queuedAt when the item entered the queue
 * @param updatedAt when it last changed
 * @param slaDeadline when a reply is due, from the label's and priority's SLA
 * @param claimedBy who held the claim when it was last taken; the live claim is a Redis lock with a TTL
 * @param assignee the person the item is assigned to
 * @param team the team the item is assigned to
 * @param snoozedUntil when a snoozed item returns to the queue
 * @param suggestion what the team is advised to do besides replying, e.g. {@code hide} for abuse
 * @param stateReason why the item is in its state (rejection reason, failure, retraction)
 */
public record QueueItemHandling(
        QueueItem.State state,
        long version,
        Instant queuedAt,
        Instant updatedAt,
        Instant slaDeadline,
        String claimedBy,
        String assignee,
        String team,
        Instant snoozedUntil,
        String suggestion,
        String stateReason) {

    public QueueItemHandling withState(QueueItem.State state) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withVersion(long version) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withQueuedAt(Instant queuedAt) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withUpdatedAt(Instant updatedAt) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withSlaDeadline(Instant slaDeadline) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withClaimedBy(String claimedBy) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withAssignee(String assignee) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withTeam(String team) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withSnoozedUntil(Instant snoozedUntil) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withSuggestion(String suggestion) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }

    public QueueItemHandling withStateReason(String stateReason) {
        return new QueueItemHandling(state, version, queuedAt, updatedAt, slaDeadline, claimedBy, assignee, team, snoozedUntil, suggestion, stateReason);
    }
}
