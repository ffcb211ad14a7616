package dev.jwtauthorizer.log;

/**
 * Every metric the authorizer publishes in CloudWatch Embedded Metric Format, with its unit. The
 * dimensions are service, outcome and reason only (see {@link Emf}): never a principal, token,
 * route, kid or URL, whose values are unbounded and would each make a metric of their own.
 */
public enum Metric {
    /** One per decision; dimensions service, service+outcome, service+reason. */
    DECISIONS("Decisions", "Count"),
    /** The decision's own time, as the line's micros; same dimensions. */
    DECISION_TIME("DecisionTime", "Microseconds"),
    /** One on the first decision of a process (or of a restored snapshot); dimension service. */
    COLD_START("ColdStart", "Count"),
    /** Fetches of a key set or of the discovery document before it, successful or not; dimension service. */
    KEY_FETCHES("KeyFetches", "Count"),
    KEY_FETCH_FAILURES("KeyFetchFailures", "Count"),
    /** Fetches of an HMAC secret (Secrets Manager), successful or not; dimension service. */
    SECRET_FETCHES("SecretFetches", "Count"),
    SECRET_FETCH_FAILURES("SecretFetchFailures", "Count"),
    /** One when a failed fetch leaves the last good keys or secret serving; dimension service. */
    KEYS_SERVED_STALE("KeysServedStale", "Count");

    private final String metricName;
    private final String unit;

    Metric(String metricName, String unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The metric's name in CloudWatch, and its member in the line. */
    public String metricName() {
        return metricName;
    }

    public String unit() {
        return unit;
    }
}
