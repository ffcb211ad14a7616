package dev.jwtauthorizer;

import java.util.Map;

/**
 * The way the platform calls the function, for priming to drive: the event as the runtime reads
 * it, the answer to be written back, a 401 or 500 as the exception the runtime reports. The Lambda
 * handler gives one (its {@code handleRequest}), so priming warms exactly what a real invocation runs.
 */
@FunctionalInterface
public interface PrimingEntry {
    /** An entry like the function's, around another authorizer (priming's own, with throw-away keys). */
    @FunctionalInterface
    interface Factory {
        PrimingEntry around(Authorizer authorizer);
    }

    Map<String, Object> invoke(Map<String, Object> event);
}
