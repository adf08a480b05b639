package io.earshot.reply.workflow;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;

/** Applies {@link WaitsForRebuild}: skips, waits or refuses a call while {@link RebuildGate} is closed. */
@WaitsForRebuild
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RebuildGateInterceptor {

    private static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private final RebuildGate gate;

    public RebuildGateInterceptor(RebuildGate gate) {
        this.gate = gate;
    }

    @AroundInvoke
    Object gated(InvocationContext ctx) throws Exception {
        WaitsForRebuild binding = ctx.getMethod().getAnnotation(WaitsForRebuild.class);
        if (binding == null) {
            binding = ctx.getMethod().getDeclaringClass().getAnnotation(WaitsForRebuild.class);
        }
        WaitsForRebuild.Mode mode = binding == null ? WaitsForRebuild.Mode.SKIP : binding.value();
        switch (mode) {
            case SKIP -> {
                if (gate.closed()) {
                    return null;
                }
            }
            case WAIT -> gate.awaitOpen(MAX_WAIT);
            case REFUSE -> gate.requireOpen();
        }
        return ctx.proceed();
    }
}
