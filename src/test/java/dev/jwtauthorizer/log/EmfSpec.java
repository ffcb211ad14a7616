package dev.jwtauthorizer.log;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch Embedded Metric Format specification, as a checker of one log line:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * A document CloudWatch Logs cannot use is dropped without a word in the function's log, so every
 * MUST of the specification that a line could break is checked here.
 */
final class EmfSpec {
    /** The units CloudWatch accepts (MetricDatum Unit). */
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes",
            "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
            "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second",
            "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");
    private static final int MAX_DIMENSIONS_PER_SET = 30;
    private static final int MAX_METRICS_PER_DIRECTIVE = 100;
    private static final long CLOCK_SLACK_MILLIS = 60_000;

    private EmfSpec() {
    }

    /** Everything wrong with the line as an EMF document; empty when CloudWatch would extract its metrics. */
    static List<String> problems(JsonNode root) {
        List<String> problems = new ArrayList<>();
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("no _aws object");
            return problems;
        }
        onlyMembers(aws, Set.of("Timestamp", "CloudWatchMetrics"), "_aws", problems);
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber()) {
            problems.add("_aws.Timestamp is not a number of milliseconds: " + timestamp);
        } else if (Math.abs(timestamp.asLong() - System.currentTimeMillis()) > CLOCK_SLACK_MILLIS) {
            problems.add("_aws.Timestamp is not epoch milliseconds of now: " + timestamp);
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray() || directives.isEmpty()) {
            problems.add("_aws.CloudWatchMetrics is not a non-empty array");
            return problems;
        }
        for (JsonNode directive : directives) {
            directive(root, directive, problems);
        }
        return problems;
    }

    private static void directive(JsonNode root, JsonNode directive, List<String> problems) {
        if (!directive.isObject()) {
            problems.add("a MetricDirective is not an object: " + directive);
            return;
        }
        onlyMembers(directive, Set.of("Namespace", "Dimensions", "Metrics"), "MetricDirective", problems);
        JsonNode namespace = directive.get("Namespace");
        if (namespace == null || !namespace.isTextual() || namespace.asText().isEmpty() || namespace.asText().length() > 255) {
            problems.add("Namespace is not a string of 1-255 characters: " + namespace);
        }
        JsonNode dimensions = directive.get("Dimensions");
        if (dimensions == null || !dimensions.isArray()) {
            problems.add("Dimensions is not an array of DimensionSets: " + dimensions);
        } else {
            for (JsonNode set : dimensions) {
                if (!set.isArray() || set.size() > MAX_DIMENSIONS_PER_SET) {
                    problems.add("a DimensionSet is not an array of at most 30 names: " + set);
                    continue;
                }
                for (JsonNode name : set) {
                    JsonNode value = name.isTextual() ? root.get(name.asText()) : null;
                    if (value == null || !value.isTextual() || value.asText().isEmpty() || value.asText().length() > 1024) {
                        problems.add("dimension " + name + " has no top-level string value of 1-1024 characters: " + value);
                    }
                }
            }
        }
        JsonNode metrics = directive.get("Metrics");
        if (metrics == null || !metrics.isArray() || metrics.isEmpty() || metrics.size() > MAX_METRICS_PER_DIRECTIVE) {
            problems.add("Metrics is not an array of 1-100 MetricDefinitions: " + metrics);
            return;
        }
        for (JsonNode metric : metrics) {
            definition(root, metric, problems);
        }
    }

    private static void definition(JsonNode root, JsonNode metric, List<String> problems) {
        onlyMembers(metric, Set.of("Name", "Unit", "StorageResolution"), "MetricDefinition", problems);
        JsonNode name = metric.get("Name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            problems.add("a MetricDefinition has no Name: " + metric);
            return;
        }
        JsonNode unit = metric.get("Unit");
        if (unit != null && (!unit.isTextual() || !UNITS.contains(unit.asText()))) {
            problems.add(name.asText() + " has a Unit CloudWatch does not know: " + unit);
        }
        JsonNode resolution = metric.get("StorageResolution");
        if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
            problems.add(name.asText() + " has a StorageResolution other than 1 or 60: " + resolution);
        }
        JsonNode value = root.get(name.asText());
        boolean numbers = value != null && (value.isNumber()
                || value.isArray() && value.size() <= 100 && allNumbers(value));
        if (!numbers) {
            problems.add("metric " + name.asText() + " has no top-level number value: " + value);
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** "Unless otherwise noted, objects defined by this specification MUST NOT contain any additional members." */
    private static void onlyMembers(JsonNode object, Set<String> allowed, String what, List<String> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(what + " has a member the specification does not define: " + name);
            }
        }
    }
}
