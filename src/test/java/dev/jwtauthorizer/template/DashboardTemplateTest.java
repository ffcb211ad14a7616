package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.decision.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's body is JSON once CloudFormation has filled in the parameters, and it draws the
 * metrics the authorizer writes, under their exact namespace, names and dimensions.
 */
class DashboardTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    // A namespace with a space and a slash: the search expression must quote it.
    private static final String NAMESPACE = "Acme Auth/Prod";
    private static final String SERVICE = "books-authorizer";
    private static final Set<String> CONTRACT_METRICS = Set.of("Decisions", "DecisionTime", "KeyFetches",
            "KeyFetchFailures", "SecretFetches", "SecretFetchFailures", "KeysServedStale", "ColdStart");

    /** One line of a metric widget: [namespace, name, dimension, value, ..., {options}]. */
    private record Line(String namespace, String name, Map<String, String> dimensions, JsonNode options) {
    }

    private static JsonNode body(String... parameters) throws Exception {
        Map<String, String> values = new HashMap<>(Map.of("MetricsNamespace", NAMESPACE, "ServiceName", SERVICE));
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        String text = ResolvedTemplate.of(TEMPLATE, values).properties("AuthorizerDashboard").orElseThrow()
                .path("DashboardBody").asText();
        assertFalse(text.contains("${"), "every placeholder is a parameter or pseudo parameter");
        return new ObjectMapper().readTree(text);
    }

    private static JsonNode widget(JsonNode body, String title) {
        for (JsonNode widget : body.path("widgets")) {
            if (widget.path("properties").path("title").asText().equals(title)) {
                return widget.path("properties");
            }
        }
        throw new AssertionError("no widget titled " + title);
    }

    private static List<Line> lines(JsonNode widget) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : widget.path("metrics")) {
            if (entry.path(0).isObject()) {
                continue; // an expression
            }
            Map<String, String> dimensions = new HashMap<>();
            int i = 2;
            for (; i + 1 < entry.size() && entry.path(i).isTextual(); i += 2) {
                dimensions.put(entry.path(i).asText(), entry.path(i + 1).asText());
            }
            lines.add(new Line(entry.path(0).asText(), entry.path(1).asText(), dimensions, entry.path(i)));
        }
        return lines;
    }

    private static List<Line> allLines(JsonNode body) {
        List<Line> lines = new ArrayList<>();
        body.path("widgets").forEach(widget -> lines.addAll(lines(widget.path("properties"))));
        return lines;
    }

    @Test
    void theBodyIsJsonWithEveryGraphInTheStacksRegion() throws Exception {
        JsonNode body = body();
        assertTrue(body.path("widgets").size() >= 6, body.toString());
        for (JsonNode widget : body.path("widgets")) {
            assertEquals("metric", widget.path("type").asText());
            assertEquals(ResolvedTemplate.region(), widget.path("properties").path("region").asText());
            assertTrue(widget.path("width").asInt() + widget.path("x").asInt() <= 24, "the grid is 24 wide: " + widget);
        }
    }

    @Test
    void itDrawsEveryMetricOfTheContractForThisServiceOnly() throws Exception {
        List<Line> lines = allLines(body());
        Set<String> names = new TreeSet<>();
        for (Line line : lines) {
            names.add(line.name());
            assertEquals(NAMESPACE, line.namespace(), line.toString());
            assertEquals(SERVICE, line.dimensions().get("service"), line.toString());
            // Decisions by outcome carry the outcome; everything else is per service only.
            Set<String> others = new HashSet<>(line.dimensions().keySet());
            others.remove("service");
            assertTrue(others.isEmpty() || others.equals(Set.of("outcome")), line.toString());
        }
        // Decisions appear by outcome here and by reason in the search below.
        assertEquals(new TreeSet<>(CONTRACT_METRICS), names);
    }

    @Test
    void decisionsByOutcomeShowEveryOutcome() throws Exception {
        Set<String> outcomes = new HashSet<>();
        for (Line line : lines(widget(body(), "Decisions by outcome"))) {
            assertEquals("Decisions", line.name());
            outcomes.add(line.dimensions().get("outcome"));
        }
        assertEquals(Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.toSet()), outcomes);
        assertEquals("Sum", widget(body(), "Decisions by outcome").path("stat").asText());
    }

    @Test
    void decisionsByReasonAreASearchOfTheReasonDimensionSet() throws Exception {
        JsonNode metrics = widget(body(), "Decisions by reason").path("metrics");
        assertEquals(1, metrics.size());
        String expression = metrics.path(0).path(0).path("expression").asText();
        // The schema names the namespace (quoted: it may hold spaces or slashes) and the exact
        // dimension set the authorizer writes reasons under.
        Matcher search = Pattern.compile("SEARCH\\('\\{\"([^\"]+)\",([^}]+)} (.*)', '(\\w+)', (\\d+)\\)").matcher(expression);
        assertTrue(search.matches(), expression);
        assertEquals(NAMESPACE, search.group(1));
        assertEquals(Set.of("reason", "service"), Set.of(search.group(2).split(",")));
        assertEquals("MetricName=\"Decisions\" service=\"" + SERVICE + "\"", search.group(3));
        assertEquals("Sum", search.group(4));
        assertEquals(300, Integer.parseInt(search.group(5)));
    }

    @Test
    void decisionTimeShowsP50AndP99WithTheAlarmThreshold() throws Exception {
        JsonNode widget = widget(body("DecisionTimeP99AlarmMicros", "250000"), "Decision time (microseconds)");
        Set<String> stats = new HashSet<>();
        for (Line line : lines(widget)) {
            assertEquals("DecisionTime", line.name());
            assertEquals(Map.of("service", SERVICE), line.dimensions());
            stats.add(line.options().path("stat").asText());
        }
        assertEquals(Set.of("p50", "p99"), stats);
        assertEquals(250000, widget.path("annotations").path("horizontal").path(0).path("value").asInt());
    }

    @Test
    void fetchFailuresStaleKeysAndColdStartsAreCounted() throws Exception {
        JsonNode body = body();
        Map<String, String> statByMetric = new HashMap<>();
        for (JsonNode widget : body.path("widgets")) {
            for (Line line : lines(widget.path("properties"))) {
                String stat = line.options().path("stat").asText(widget.path("properties").path("stat").asText());
                statByMetric.put(line.name(), stat);
            }
        }
        for (String counted : List.of("KeyFetchFailures", "SecretFetchFailures", "KeysServedStale", "ColdStart")) {
            assertEquals("Sum", statByMetric.get(counted), counted);
        }
    }

    @Test
    void dashboardEnabledFalseLeavesNoDashboard() throws Exception {
        assertTrue(ResolvedTemplate.of(TEMPLATE, Map.of("DashboardEnabled", "false")).properties("AuthorizerDashboard").isEmpty());
        // Named after the stack, so that two stacks in one account do not collide.
        assertEquals("jwt-authorizer-jwt-authorizer",
                ResolvedTemplate.of(TEMPLATE, Map.of()).properties("AuthorizerDashboard").orElseThrow().path("DashboardName").asText());
    }

    @Test
    void namespaceAndServiceNamesThatWouldBreakTheBodyAreRefused() throws Exception {
        JsonNode parameters = CloudFormationYaml.read(TEMPLATE).path("Parameters");
        for (String parameter : List.of("MetricsNamespace", "ServiceName")) {
            Pattern allowed = Pattern.compile(parameters.path(parameter).path("AllowedPattern").asText());
            assertTrue(allowed.matcher(parameters.path(parameter).path("Default").asText()).matches(), parameter);
            assertTrue(allowed.matcher(NAMESPACE).matches(), parameter);
            assertTrue(allowed.matcher(SERVICE).matches(), parameter);
            // JSON string delimiters and escapes, and the characters a search term must escape.
            for (String bad : List.of("", "a\"b", "a\\b", "a(b)", "{a}", "a'b", "a\nb")) {
                assertFalse(allowed.matcher(bad).matches(), parameter + " accepts " + bad);
            }
        }
    }
}
