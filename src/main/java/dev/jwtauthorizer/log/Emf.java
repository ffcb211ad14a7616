package dev.jwtauthorizer.log;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The {@code _aws} member that makes a log line a CloudWatch Embedded Metric Format document
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * CloudWatch Logs extracts the metrics from the log stream itself, with no API call from the
 * function. The directives are fixed once the namespace is known and rendered once; a line adds
 * only the timestamp.
 *
 * <p>Dimensions: decisions are counted per service, per service and outcome (4 values) and per
 * service and reason (the Reason codes); everything else per service. That bounds the number of
 * metrics whatever the traffic: nothing a caller sends becomes a dimension.
 */
final class Emf {
    private static final String DECISION_DIMENSIONS = "[[\"service\"],[\"service\",\"outcome\"],[\"service\",\"reason\"]]";
    private static final String SERVICE_DIMENSION = "[[\"service\"]]";
    /** Closes the directives and opens the timestamp, which is all a line adds. */
    private static final byte[] TIMESTAMP = ascii("],\"Timestamp\":");
    private static final byte[] CLOSE = ascii("}");

    private final String namespace;
    private final byte[] decisionStart;
    private final byte[] coldStartDirective;

    Emf(String namespace) {
        this.namespace = namespace;
        this.decisionStart = ascii(",\"_aws\":{\"CloudWatchMetrics\":["
                + directive(DECISION_DIMENSIONS, Metric.DECISIONS, Metric.DECISION_TIME));
        this.coldStartDirective = ascii("," + directive(SERVICE_DIMENSION, Metric.COLD_START));
    }

    /** The decision metrics' document: Decisions and DecisionTime, and ColdStart on a cold start. */
    void decision(JsonLine line, boolean coldStart, long epochMillis) {
        line.raw(decisionStart);
        if (coldStart) {
            line.raw(coldStartDirective);
        }
        line.raw(TIMESTAMP).rawNumber(epochMillis).raw(CLOSE);
    }

    /** A document for metrics of dimension service only, in {@link Metric} order. */
    void serviceMetrics(JsonLine line, Set<Metric> metrics, long epochMillis) {
        Metric[] ordered = metrics.stream().sorted().toArray(Metric[]::new);
        line.raw(ascii(",\"_aws\":{\"CloudWatchMetrics\":[" + directive(SERVICE_DIMENSION, ordered)));
        line.raw(TIMESTAMP).rawNumber(epochMillis).raw(CLOSE);
    }

    private String directive(String dimensions, Metric... metrics) {
        StringBuilder json = new StringBuilder("{\"Namespace\":\"").append(namespace).append("\",\"Dimensions\":")
                .append(dimensions).append(",\"Metrics\":[");
        for (int i = 0; i < metrics.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Name\":\"").append(metrics[i].metricName())
                    .append("\",\"Unit\":\"").append(metrics[i].unit()).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }
}
