package io.earshot.reply.workflow;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a method from running while the queue is rebuilt from Kafka ({@link RebuildGate}): mid-rebuild an item may not
 * be back yet, so a change, a sweep or a publish would act on a half-built view. The one mechanism every gated entry
 * point uses ({@link RebuildGateInterceptor}), so a new one cannot forget the check.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WaitsForRebuild {

    /** What a call does while a rebuild runs. */
    @Nonbinding
    Mode value() default Mode.SKIP;

    enum Mode {
        /** Returns at once without running (void methods only: timers and pollers that run again soon). */
        SKIP,
        /** Blocks the calling thread until the rebuild ends (at most 10 minutes): consumers that must not lose a record. */
        WAIT,
        /** Throws a 503 problem saying the queue is being rebuilt: user actions, which may retry. */
        REFUSE
    }
}
