package io.earshot.reply.workflow;

import io.earshot.commons.api.Problem;
import io.earshot.commons.api.ProblemException;
import io.earshot.reply.redis.QueueStore.Refusal;

/**
 * A change the store refused, with the store's reason: callers decide on the reason (a {@code STALE} change lost a
 * race and may be tried again), never on the message; the answer is the same problem+json as any other.
 */
public class Refused extends ProblemException {

    private final transient Refusal.Reason reason;

    public Refused(Refusal.Reason reason, Problem problem) {
        super(problem);
        this.reason = reason;
    }

    public Refusal.Reason reason() {
        return reason;
    }
}
