package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics are CloudWatch Embedded Metric Format documents that CloudWatch Logs can extract:
 * checked against the published specification ({@link EmfSpec}), and against what the metrics
 * must say.
 */
class EmfDocumentTest {
    private static final String SECRETS_PATH = "/secretsmanager/get";

    @AfterEach
    void restoreDefaults() {
        JsonLog.configure(LogSettings.DEFAULTS);
    }

    private static void assertValid(List<JsonNode> lines) {
        List<String> problems = new ArrayList<>();
        for (JsonNode line : lines) {
            if (line.has("_aws")) {
                EmfSpec.problems(line).forEach(problem -> problems.add(problem + " in " + line));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<JsonNode> everyOutcomeThroughTheHandler(Map<String, String> env) {
        return LogLines.capture(() -> {
            AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(env));
            String good = "Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1");
            List<Map<String, Object>> events = List.of(
                    Events.token(good, Tokens.METHOD_ARN),
                    Events.token(good, Tokens.METHOD_ARN.replace("/books/", "/orders/")),
                    Events.token("Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-1"), Tokens.METHOD_ARN),
                    Events.token(good, Tokens.METHOD_ARN),
                    Map.of("type", "SOMETHING"));
            for (int i = 0; i < events.size(); i++) {
                try {
                    handler.handleRequest(events.get(i), FakeContext.of("request-" + i));
                } catch (RuntimeException refused) {
                    // 401 and 500 are decisions too.
                }
            }
        });
    }

    private static Map<String, String> withRules(String... pairs) {
        Map<String, String> env = new HashMap<>(TestEnv.rsa());
        env.put("JWT_RULES", "[{\"claim\":\"sub\",\"value\":\"alice\",\"allow\":[\"GET /books/*\"]}]");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void decisionLinesAreValidDocumentsWithTheDecisionsMetrics() {
        List<JsonNode> lines = everyOutcomeThroughTheHandler(withRules());
        assertValid(lines);

        List<JsonNode> decisions = LogLines.decisions(lines);
        assertEquals(List.of("ALLOW", "DENY", "UNAUTHORIZED", "ALLOW", "ERROR"),
                decisions.stream().map(line -> line.get("outcome").textValue()).toList());
        for (JsonNode line : decisions) {
            assertEquals(1, line.get("Decisions").intValue());
            assertEquals(line.get("micros").longValue(), line.get("DecisionTime").longValue());
            JsonNode decisionDirective = line.get("_aws").get("CloudWatchMetrics").get(0);
            assertEquals("JwtAuthorizer", decisionDirective.get("Namespace").textValue());
            assertEquals("[[\"service\"],[\"service\",\"outcome\"],[\"service\",\"reason\"]]", decisionDirective.get("Dimensions").toString());
            assertEquals("[{\"Name\":\"Decisions\",\"Unit\":\"Count\"},{\"Name\":\"DecisionTime\",\"Unit\":\"Microseconds\"}]",
                    decisionDirective.get("Metrics").toString());
        }
        JsonNode cold = decisions.get(0);
        assertEquals(1, cold.get("ColdStart").intValue());
        assertEquals("{\"Namespace\":\"JwtAuthorizer\",\"Dimensions\":[[\"service\"]],\"Metrics\":[{\"Name\":\"ColdStart\",\"Unit\":\"Count\"}]}",
                cold.get("_aws").get("CloudWatchMetrics").get(1).toString());
        for (JsonNode warm : decisions.subList(1, decisions.size())) {
            assertFalse(warm.has("ColdStart"));
            assertEquals(1, warm.get("_aws").get("CloudWatchMetrics").size());
        }
    }

    @Test
    void metricsOnlyLinesAreValidDocumentsAtEveryLevel() {
        for (String level : List.of("WARN", "ERROR")) {
            List<JsonNode> lines = everyOutcomeThroughTheHandler(withRules("POWERTOOLS_LOG_LEVEL", level));
            assertValid(lines);
            assertEquals(5, LogLines.decisionCounts(lines).size(), "decisions counted at " + level);
            assertEquals(1, LogLines.decisionCounts(lines).stream().filter(line -> line.has("ColdStart")).count(), "cold starts at " + level);
        }
    }

    @Test
    void keySetFetchesTheirFailuresAndStaleServingAreCounted() throws Exception {
        try (JwksServer jwks = new JwksServer()) {
            jwks.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "use", "sig")));
            Map<String, String> env = TestEnv.withJwksUri(jwks.url());
            env.put("JWT_JWKS_REFRESH_COOLDOWN_SECONDS", "1");
            List<JsonNode> lines = LogLines.capture(() -> {
                Authorizer authorizer = Authorizer.fromEnvironment(env);
                jwks.fail(503);
                // An unknown kid makes a fetch, which fails while the set fetched at start serves on.
                authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-2"), Tokens.METHOD_ARN);
            });
            assertValid(lines);

            JsonNode loaded = LogLines.named(lines, "keys_loaded").get(0);
            assertEquals(List.of(1, 0, 0), values(loaded, "KeyFetches", "KeyFetchFailures", "KeysServedStale"));
            JsonNode failed = LogLines.named(lines, "keys_fetch_failed").get(0);
            assertEquals(List.of(1, 1, 1), values(failed, "KeyFetches", "KeyFetchFailures", "KeysServedStale"));
            assertEquals("[[\"service\"]]", failed.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
        }
    }

    @Test
    void secretFetchesAndTheirFailuresAreCountedApart() throws Exception {
        try (JwksServer extension = new JwksServer()) {
            extension.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", TestKeys.HMAC_SECRET)));
            Map<String, String> env = TestEnv.secretFromExtension(extension.port());
            List<JsonNode> lines = LogLines.capture(() -> {
                Authorizer authorizer = Authorizer.fromEnvironment(env);
                extension.fail(500);
                authorizer.afterRestore();
            });
            assertValid(lines);

            JsonNode loaded = LogLines.named(lines, "keys_loaded").get(0);
            assertEquals(List.of(1, 0, 0), values(loaded, "SecretFetches", "SecretFetchFailures", "KeysServedStale"));
            JsonNode failed = LogLines.named(lines, "keys_fetch_failed").get(0);
            assertEquals(List.of(1, 1, 1), values(failed, "SecretFetches", "SecretFetchFailures", "KeysServedStale"));
            assertFalse(failed.has("KeyFetches") || loaded.has("KeyFetches"), "a secret counted as a key set");
        }
    }

    @Test
    void keysGivenInConfigurationAreNotCountedAsFetches() {
        List<JsonNode> lines = LogLines.capture(() -> Authorizer.fromEnvironment(TestEnv.rsa()));
        JsonNode loaded = LogLines.named(lines, "keys_loaded").get(0);
        assertFalse(loaded.has("_aws") || loaded.has("KeyFetches"), loaded.toString());
    }

    private static List<Integer> values(JsonNode line, String... metrics) {
        List<Integer> values = new ArrayList<>();
        for (String metric : metrics) {
            values.add(line.get(metric).intValue());
        }
        return values;
    }
}
