package dev.jwtauthorizer.log;

/**
 * The line each decision writes, carrying its own metrics (Embedded Metric Format): Decisions and
 * DecisionTime by service, outcome and reason, and ColdStart on the first invocation. A decision
 * whose line the level keeps out (an ALLOW at WARN, anything but an ERROR at ERROR) is still
 * counted, by a line with the metrics alone. This is on every request's path, so it writes
 * straight into its thread's buffer with one write call.
 */
public final class DecisionLine {
    private DecisionLine() {
    }

    /**
     * @param level     INFO for ALLOW, WARN for DENY and UNAUTHORIZED, ERROR for ERROR
     * @param outcome   the Outcome's name: a dimension
     * @param reason    the Reason's name: a dimension
     * @param micros    the decision's time
     * @param principal  the principal of an ALLOW or DENY, or null; likewise for the rest
     * @param credential {@code jwt} or {@code api_key}: what the request carried
     * @param apiKeyId   the id of a recognised API key's entry, never the key nor its digest
     * @param checkReason the reason a custom check gave for a deny or a reject (its own text, of a
     *                    limited alphabet), or null
     * @param tokenHash  a short one-way digest of a JWT, never the token; null for an API key
     */
    public static void write(LogLevel level, String outcome, String reason, long micros, String principal, String api,
                             String credential, String source, String algorithm, String keyId, String apiKeyId,
                             String checkReason, String tokenHash, String methodArn) {
        LogSettings settings = JsonLog.settings();
        Invocation invocation = CurrentInvocation.get();
        long now = System.currentTimeMillis();
        JsonLine line;
        if (settings.level().admits(level)) {
            line = JsonLog.begin(level, now, settings, invocation, "decision")
                    .string("outcome", outcome)
                    .string("reason", reason)
                    .string("principal", principal)
                    .string("api", api)
                    .string("credential", credential)
                    .string("source", source)
                    .string("alg", algorithm)
                    .string("kid", keyId)
                    .string("apiKeyId", apiKeyId)
                    .string("checkReason", checkReason)
                    .string("tokenHash", tokenHash)
                    .string("methodArn", methodArn)
                    .number("micros", micros);
        } else {
            line = JsonLog.beginMetricsOnly(now, settings)
                    .string("outcome", outcome)
                    .string("reason", reason);
        }
        boolean coldStart = invocation != null && invocation.coldStart();
        line.number(Metric.DECISIONS.metricName(), 1).number(Metric.DECISION_TIME.metricName(), micros);
        if (coldStart) {
            line.number(Metric.COLD_START.metricName(), 1);
        }
        JsonLog.emf().decision(line, coldStart, now);
        JsonLog.finish(line);
    }
}
