package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.decision.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stack's alarms watch the metrics the authorizer writes (namespace, metric names and
 * dimensions of the issue 15 contract), can be turned off, and notify a topic only when given one.
 */
class AlarmsTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final Set<String> ALARMS = Set.of(
            "AuthorizerErrorsAlarm", "KeysUnavailableAlarm", "UnauthorizedSpikeAlarm", "DecisionTimeP99Alarm");
    private static final String NAMESPACE = "Acme/Auth";
    private static final String SERVICE = "books-authorizer";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:authorizer-alarms";

    private static ResolvedTemplate stack(String... parameters) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("MetricsNamespace", NAMESPACE, "ServiceName", SERVICE));
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        return ResolvedTemplate.of(TEMPLATE, values);
    }

    private static JsonNode alarm(String name, String... parameters) throws Exception {
        return stack(parameters).properties(name).orElseThrow();
    }

    @Test
    void theDefaultStackHasTheFourAlarmsWhichOnlyChangeState() throws Exception {
        Map<String, JsonNode> alarms = stack().resourcesOfType(ALARM);
        assertEquals(ALARMS, alarms.keySet());
        for (Map.Entry<String, JsonNode> alarm : alarms.entrySet()) {
            JsonNode properties = alarm.getValue();
            assertFalse(properties.has("AlarmActions"), alarm.getKey());
            assertFalse(properties.has("OKActions"), alarm.getKey());
            assertFalse(properties.has("InsufficientDataActions"), alarm.getKey());
            // A quiet API sends no decisions; that is no failure.
            assertEquals("notBreaching", properties.path("TreatMissingData").asText(), alarm.getKey());
        }
    }

    @Test
    void everyAlarmNotifiesTheGivenTopicWhenItFiresAndWhenItRecovers() throws Exception {
        Map<String, JsonNode> alarms = stack("AlarmTopicArn", TOPIC).resourcesOfType(ALARM);
        assertEquals(ALARMS, alarms.keySet());
        for (Map.Entry<String, JsonNode> alarm : alarms.entrySet()) {
            assertEquals(List.of(TOPIC), texts(alarm.getValue().path("AlarmActions")), alarm.getKey());
            assertEquals(List.of(TOPIC), texts(alarm.getValue().path("OKActions")), alarm.getKey());
        }
    }

    @Test
    void alarmsEnabledFalseLeavesNoAlarmButTheDashboard() throws Exception {
        ResolvedTemplate stack = stack("AlarmsEnabled", "false");
        assertEquals(Map.of(), stack.resourcesOfType(ALARM));
        assertTrue(stack.properties("AuthorizerDashboard").isPresent());
    }

    @Test
    void authorizerErrorsAlarmFiresOnOneErrorDecisionInFiveMinutes() throws Exception {
        JsonNode alarm = alarm("AuthorizerErrorsAlarm");
        assertMetric(alarm, "Decisions", Map.of("service", SERVICE, "outcome", Outcome.ERROR.name()));
        assertEquals("Sum", alarm.path("Statistic").asText());
        assertEquals(300, alarm.path("Period").asInt());
        assertEquals(1, alarm.path("EvaluationPeriods").asInt());
        assertEquals(1.0, alarm.path("Threshold").asDouble());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText());
    }

    @Test
    void keysUnavailableAlarmAddsKeySetAndSecretFailuresWithMetricMath() throws Exception {
        JsonNode alarm = alarm("KeysUnavailableAlarm");
        Map<String, JsonNode> stats = new HashMap<>();
        List<JsonNode> returned = new ArrayList<>();
        for (JsonNode query : alarm.path("Metrics")) {
            if (query.has("MetricStat")) {
                stats.put(query.path("Id").asText(), query.path("MetricStat"));
                assertFalse(query.path("ReturnData").asBoolean(true), "only the sum is watched: " + query);
            }
            if (query.path("ReturnData").asBoolean(true)) {
                returned.add(query);
            }
        }
        Set<String> reasons = new HashSet<>();
        for (JsonNode stat : stats.values()) {
            assertEquals(NAMESPACE, stat.path("Metric").path("Namespace").asText());
            assertEquals("Decisions", stat.path("Metric").path("MetricName").asText());
            Map<String, String> dimensions = dimensions(stat.path("Metric").path("Dimensions"));
            assertEquals(Set.of("service", "reason"), dimensions.keySet());
            assertEquals(SERVICE, dimensions.get("service"));
            reasons.add(dimensions.get("reason"));
            assertEquals("Sum", stat.path("Stat").asText());
            assertEquals(300, stat.path("Period").asInt());
        }
        assertEquals(Set.of(Reason.KEY_SET_UNAVAILABLE.name(), Reason.SECRET_UNAVAILABLE.name()), reasons);
        for (String reason : reasons) {
            assertEquals(Outcome.ERROR, Reason.valueOf(reason).outcome(), "a 500 for the client");
        }
        assertEquals(1, returned.size(), "one time series for the alarm to watch");
        String sum = returned.get(0).path("Expression").asText();
        // Arithmetic, not FILL or SUM(): metric math counts a missing value as 0 in + and FILL can
        // leave an alarm stuck on its filler value.
        assertEquals(stats.keySet(), Set.of(sum.split("\\s*\\+\\s*")), sum);
        assertEquals(1, alarm.path("EvaluationPeriods").asInt());
        assertEquals(1.0, alarm.path("Threshold").asDouble());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.path("ComparisonOperator").asText());
        assertFalse(alarm.has("MetricName"), "Metrics and MetricName exclude each other");
    }

    @Test
    void unauthorizedSpikeAlarmFiresAboveTheAnomalyBandOf401s() throws Exception {
        JsonNode alarm = alarm("UnauthorizedSpikeAlarm");
        String metricId = null;
        String bandId = null;
        String bandOf = null;
        Pattern band = Pattern.compile("ANOMALY_DETECTION_BAND\\((\\w+)(, *[0-9.]+)?\\)");
        for (JsonNode query : alarm.path("Metrics")) {
            if (query.has("MetricStat")) {
                metricId = query.path("Id").asText();
                JsonNode stat = query.path("MetricStat");
                assertEquals(NAMESPACE, stat.path("Metric").path("Namespace").asText());
                assertEquals("Decisions", stat.path("Metric").path("MetricName").asText());
                assertEquals(Map.of("service", SERVICE, "outcome", Outcome.UNAUTHORIZED.name()),
                        dimensions(stat.path("Metric").path("Dimensions")));
                assertEquals("Sum", stat.path("Stat").asText());
                assertEquals(300, stat.path("Period").asInt());
            } else {
                Matcher matcher = band.matcher(query.path("Expression").asText());
                assertTrue(matcher.matches(), query.toString());
                bandId = query.path("Id").asText();
                bandOf = matcher.group(1);
            }
        }
        assertEquals(metricId, bandOf, "the band is the 401 count's");
        assertEquals(bandId, alarm.path("ThresholdMetricId").asText());
        assertFalse(alarm.has("Threshold"), "the band is the threshold");
        assertEquals("GreaterThanUpperThreshold", alarm.path("ComparisonOperator").asText(), "a drop in 401s is no alarm");
        assertTrue(alarm.path("DatapointsToAlarm").asInt() <= alarm.path("EvaluationPeriods").asInt());
    }

    @Test
    void decisionTimeP99AlarmComparesTheP99WithTheParameterForThreeOfThreePeriods() throws Exception {
        assertEquals(100000, alarm("DecisionTimeP99Alarm").path("Threshold").asInt(), "the documented default");
        JsonNode alarm = alarm("DecisionTimeP99Alarm", "DecisionTimeP99AlarmMicros", "250000");
        // The service dimension alone: one p99 over every decision, whatever its outcome.
        assertMetric(alarm, "DecisionTime", Map.of("service", SERVICE));
        assertEquals("p99", alarm.path("ExtendedStatistic").asText());
        assertFalse(alarm.has("Statistic"));
        assertEquals(250000, alarm.path("Threshold").asInt());
        assertEquals("GreaterThanThreshold", alarm.path("ComparisonOperator").asText());
        assertEquals(300, alarm.path("Period").asInt());
        assertEquals(3, alarm.path("EvaluationPeriods").asInt());
        assertEquals(3, alarm.path("DatapointsToAlarm").asInt());
        // "ignore" would silence it below 1000 decisions per period, most authorizers' traffic.
        assertEquals("evaluate", alarm.path("EvaluateLowSampleCountPercentile").asText());
    }

    @Test
    void alarmParametersRefuseValuesThatCouldNotWork() throws Exception {
        JsonNode parameters = CloudFormationYaml.read(TEMPLATE).path("Parameters");
        Pattern topic = Pattern.compile(parameters.path("AlarmTopicArn").path("AllowedPattern").asText());
        assertTrue(topic.matcher("").matches());
        assertTrue(topic.matcher(TOPIC).matches());
        assertTrue(topic.matcher("arn:aws-us-gov:sns:us-gov-west-1:123456789012:alarms.fifo").matches());
        assertFalse(topic.matcher("authorizer-alarms").matches(), "an alarm action is an ARN");
        assertFalse(topic.matcher("arn:aws:lambda:eu-west-1:123456789012:function:f").matches());
        assertEquals(List.of("true", "false"), texts(parameters.path("AlarmsEnabled").path("AllowedValues")));
        assertEquals("true", parameters.path("AlarmsEnabled").path("Default").asText());
        assertEquals(1, parameters.path("DecisionTimeP99AlarmMicros").path("MinValue").asInt());
    }

    @Test
    void alarmsUseOnlyTheBoundedDimensions() throws Exception {
        for (Map.Entry<String, JsonNode> alarm : stack().resourcesOfType(ALARM).entrySet()) {
            List<JsonNode> dimensionLists = alarm.getValue().findValues("Dimensions");
            assertFalse(dimensionLists.isEmpty(), alarm.getKey());
            for (JsonNode list : dimensionLists) {
                Map<String, String> dimensions = dimensions(list);
                assertTrue(Set.of("service", "outcome", "reason").containsAll(dimensions.keySet()), alarm.getKey() + dimensions);
                if (dimensions.containsKey("outcome")) {
                    Outcome.valueOf(dimensions.get("outcome"));
                }
                if (dimensions.containsKey("reason")) {
                    Reason.valueOf(dimensions.get("reason"));
                }
            }
        }
    }

    private static void assertMetric(JsonNode alarm, String metricName, Map<String, String> dimensions) {
        assertEquals(NAMESPACE, alarm.path("Namespace").asText());
        assertEquals(metricName, alarm.path("MetricName").asText());
        assertEquals(dimensions, dimensions(alarm.path("Dimensions")));
    }

    static Map<String, String> dimensions(JsonNode list) {
        Map<String, String> dimensions = new HashMap<>();
        for (JsonNode dimension : list) {
            assertNull(dimensions.put(dimension.path("Name").asText(), dimension.path("Value").asText()), "twice: " + dimension);
        }
        return dimensions;
    }

    static List<String> texts(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }
}
