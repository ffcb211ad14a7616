package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authorizer function is traced when TracingMode is Active (and only then may write segments),
 * Lambda filters its JSON log lines at LogLevel, and the code learns its service name and metrics
 * namespace from the same parameters the alarms and dashboard use.
 */
class TracingAndLoggingTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String FUNCTION = "JwtAuthorizerFunction";
    private static final Set<String> XRAY_WRITE = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    private static ResolvedTemplate stack(Map<String, String> parameters) throws Exception {
        return ResolvedTemplate.of(TEMPLATE, parameters);
    }

    private static JsonNode function(Map<String, String> parameters) throws Exception {
        return stack(parameters).properties(FUNCTION).orElseThrow();
    }

    /** The IAM actions the role's inline policies allow, with the resources each applies to. */
    private static List<JsonNode> roleStatements(Map<String, String> parameters) throws Exception {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : stack(parameters).properties("JwtAuthorizerRole").orElseThrow().path("Policies")) {
            policy.path("PolicyDocument").path("Statement").forEach(statements::add);
        }
        return statements;
    }

    private static boolean grantsXrayWrites(List<JsonNode> statements) {
        for (JsonNode statement : statements) {
            List<String> actions = AlarmsTemplateTest.texts(statement.path("Action"));
            if (actions.containsAll(XRAY_WRITE)) {
                assertEquals("Allow", statement.path("Effect").asText());
                // X-Ray's write actions have no resource-level permissions.
                assertEquals("*", statement.path("Resource").asText());
                assertEquals(XRAY_WRITE, Set.copyOf(actions), "nothing beyond writing segments");
                return true;
            }
        }
        return false;
    }

    @Test
    void tracingIsActiveByDefaultAndTheRoleMayThenWriteSegments() throws Exception {
        JsonNode parameter = CloudFormationYaml.read(TEMPLATE).path("Parameters").path("TracingMode");
        assertEquals("Active", parameter.path("Default").asText());
        // Lambda's TracingConfig modes; SAM's extra "Disabled" is not offered.
        assertEquals(List.of("Active", "PassThrough"), AlarmsTemplateTest.texts(parameter.path("AllowedValues")));
        assertEquals("Active", function(Map.of()).path("Tracing").asText());
        assertTrue(grantsXrayWrites(roleStatements(Map.of())));
    }

    @Test
    void passThroughTracingFollowsTheCallerWhoseSampledRequestsStillSendSegments() throws Exception {
        Map<String, String> passThrough = Map.of("TracingMode", "PassThrough");
        assertEquals("PassThrough", function(passThrough).path("Tracing").asText());
        assertTrue(grantsXrayWrites(roleStatements(passThrough)));
        // The role's other grants stay as they were.
        assertTrue(roleStatements(passThrough).stream().anyMatch(s -> s.toString().contains("logs:PutLogEvents")));
    }

    @Test
    void lambdaFiltersTheAuthorizersJsonLinesAtLogLevelInTheStacksOwnLogGroup() throws Exception {
        JsonNode parameter = CloudFormationYaml.read(TEMPLATE).path("Parameters").path("LogLevel");
        assertEquals("INFO", parameter.path("Default").asText());
        // Levels Lambda's ApplicationLogLevel takes that the code also understands.
        assertEquals(List.of("DEBUG", "INFO", "WARN", "ERROR"), AlarmsTemplateTest.texts(parameter.path("AllowedValues")));
        JsonNode logging = function(Map.of("LogLevel", "WARN")).path("LoggingConfig");
        // Log-level filtering needs the JSON format; the authorizer's lines are JSON already.
        assertEquals("JSON", logging.path("LogFormat").asText());
        assertEquals("WARN", logging.path("ApplicationLogLevel").asText());
        assertEquals("WARN", logging.path("SystemLogLevel").asText());
        // Still the group whose retention the stack sets, not /aws/lambda/<name> kept forever.
        assertEquals(new ObjectMapper().createObjectNode().put("Ref", "JwtAuthorizerLogGroup"), logging.path("LogGroup"));
    }

    @Test
    void theCodeGetsTheServiceNameAndNamespaceTheAlarmsUse() throws Exception {
        JsonNode defaults = function(Map.of()).path("Environment").path("Variables");
        assertEquals("jwt-authorizer", defaults.path("POWERTOOLS_SERVICE_NAME").asText());
        assertEquals("JwtAuthorizer", defaults.path("POWERTOOLS_METRICS_NAMESPACE").asText());
        Map<String, String> chosen = Map.of("ServiceName", "books-authorizer", "MetricsNamespace", "Acme/Auth");
        JsonNode variables = function(chosen).path("Environment").path("Variables");
        assertEquals("books-authorizer", variables.path("POWERTOOLS_SERVICE_NAME").asText());
        assertEquals("Acme/Auth", variables.path("POWERTOOLS_METRICS_NAMESPACE").asText());
        JsonNode alarm = stack(chosen).properties("AuthorizerErrorsAlarm").orElseThrow();
        assertEquals("Acme/Auth", alarm.path("Namespace").asText());
        assertEquals("books-authorizer", AlarmsTemplateTest.dimensions(alarm.path("Dimensions")).get("service"));
    }
}
