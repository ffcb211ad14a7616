package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The level switch: POWERTOOLS_LOG_LEVEL, else AWS_LAMBDA_LOG_LEVEL (what Lambda sets from the
 * function's LoggingConfig). At WARN only rejections and failures are written, at ERROR only
 * failures; every decision and fetch is still counted.
 */
class LogLevelTest {
    private static final String RULES = "[{\"claim\":\"scope\",\"value\":\"read\",\"allow\":[\"GET /books/*\"]}]";

    @AfterEach
    void restoreDefaults() {
        JsonLog.configure(LogSettings.DEFAULTS);
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(TestEnv.rsa());
        env.put("JWT_RULES", RULES);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    /** Start, then one ALLOW, one DENY, one UNAUTHORIZED and one ERROR (an event of no known kind). */
    private static List<JsonNode> startAndDecideEachOutcome(Map<String, String> env) {
        String reader = Tokens.claims().withClaim("scope", "read").withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        return LogLines.capture(() -> {
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            authorizer.authorize("Bearer " + reader, Tokens.METHOD_ARN);
            authorizer.authorize("Bearer " + reader, Tokens.METHOD_ARN.replace("/books/", "/orders/"));
            authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-1"), Tokens.METHOD_ARN);
            authorizer.authorize(Map.of("type", "SOMETHING"));
        });
    }

    private static List<String> writtenOutcomes(List<JsonNode> lines) {
        return LogLines.decisions(lines).stream().map(line -> line.get("outcome").textValue()).toList();
    }

    private static List<String> countedOutcomes(List<JsonNode> lines) {
        return LogLines.decisionCounts(lines).stream().map(line -> line.get("outcome").textValue()).toList();
    }

    @Test
    void atInfoEveryDecisionIsWrittenAtItsOwnLevel() {
        List<JsonNode> lines = startAndDecideEachOutcome(env());
        List<JsonNode> decisions = LogLines.decisions(lines);
        assertEquals(List.of("ALLOW", "DENY", "UNAUTHORIZED", "ERROR"), writtenOutcomes(lines));
        assertEquals(List.of("INFO", "WARN", "WARN", "ERROR"), decisions.stream().map(line -> line.get("level").textValue()).toList());
        assertEquals(1, LogLines.named(lines, "authorizer_ready").size());
    }

    @Test
    void atWarnAnAllowIsCountedButNotWritten() {
        List<JsonNode> lines = startAndDecideEachOutcome(env("POWERTOOLS_LOG_LEVEL", "WARN"));

        assertEquals(List.of("DENY", "UNAUTHORIZED", "ERROR"), writtenOutcomes(lines));
        assertEquals(List.of("ALLOW", "DENY", "UNAUTHORIZED", "ERROR"), countedOutcomes(lines));
        JsonNode allow = LogLines.decisionCounts(lines).get(0);
        // Lambda's own filter treats a line without a level as INFO and would drop it at WARN.
        assertEquals("WARN", allow.get("level").textValue());
        assertEquals("ROUTE_ALLOWED", allow.get("reason").textValue());
        assertEquals(1, allow.get("Decisions").intValue());
        for (String detail : List.of("principal", "tokenHash", "methodArn", "kid", "event", "message")) {
            assertFalse(allow.has(detail), "the metrics-only line has " + detail + ": " + allow);
        }
        assertTrue(EmfSpec.problems(allow).isEmpty(), EmfSpec.problems(allow).toString());
        assertTrue(LogLines.named(lines, "authorizer_ready").isEmpty(), "an INFO start line at WARN");
        assertTrue(lines.stream().allMatch(line -> !line.get("level").textValue().equals("INFO")), "an INFO line at WARN");
    }

    @Test
    void atErrorOnlyFailuresAreWrittenAndEveryDecisionIsCounted() {
        List<JsonNode> lines = startAndDecideEachOutcome(env("AWS_LAMBDA_LOG_LEVEL", "ERROR"));

        assertEquals(List.of("ERROR"), writtenOutcomes(lines));
        assertEquals(List.of("ALLOW", "DENY", "UNAUTHORIZED", "ERROR"), countedOutcomes(lines));
        assertEquals(1, LogLines.named(lines, "unrecognised_event").size());
        assertTrue(lines.stream().allMatch(line -> line.get("level").textValue().equals("ERROR")), lines.toString());
    }

    @Test
    void atDebugEverythingIsWritten() {
        List<JsonNode> lines = startAndDecideEachOutcome(env("POWERTOOLS_LOG_LEVEL", "debug"));
        assertEquals(List.of("ALLOW", "DENY", "UNAUTHORIZED", "ERROR"), writtenOutcomes(lines));
    }

    @Test
    void fetchesAreCountedWhenTheirLinesAreNotWritten() throws Exception {
        try (JwksServer jwks = new JwksServer()) {
            jwks.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "use", "sig")));
            Map<String, String> env = TestEnv.withJwksUri(jwks.url());
            env.put("POWERTOOLS_LOG_LEVEL", "ERROR");
            List<JsonNode> lines = LogLines.capture(() -> Authorizer.fromEnvironment(env));

            assertTrue(LogLines.named(lines, "keys_loaded").isEmpty(), "an INFO line at ERROR");
            JsonNode counted = lines.stream().filter(line -> line.has("KeyFetches")).findFirst().orElseThrow();
            assertEquals("ERROR", counted.get("level").textValue());
            assertEquals(1, counted.get("KeyFetches").intValue());
            assertEquals(0, counted.get("KeyFetchFailures").intValue());
            assertFalse(counted.has("source"), "the metrics-only line names the URL: " + counted);
            assertTrue(EmfSpec.problems(counted).isEmpty(), EmfSpec.problems(counted).toString());
        }
    }

    @Test
    void powertoolsLevelComesBeforeLambdasAndAnyCaseIsAccepted() {
        assertEquals(LogLevel.WARN, LogSettings.fromEnvironment(Map.of("POWERTOOLS_LOG_LEVEL", "warn", "AWS_LAMBDA_LOG_LEVEL", "DEBUG")).level());
        assertEquals(LogLevel.ERROR, LogSettings.fromEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "Error")).level());
        assertEquals(LogLevel.DEBUG, LogSettings.fromEnvironment(Map.of("AWS_LAMBDA_LOG_LEVEL", "TRACE")).level());
        assertEquals(LogLevel.ERROR, LogSettings.fromEnvironment(Map.of("POWERTOOLS_LOG_LEVEL", "FATAL")).level());
        assertEquals(LogLevel.INFO, LogSettings.fromEnvironment(Map.of("POWERTOOLS_LOG_LEVEL", " ")).level());
        assertEquals(LogSettings.DEFAULTS, LogSettings.fromEnvironment(Map.of()));
    }

    @Test
    void aWrongLevelStopsTheStartNamingTheVariable() {
        for (String variable : List.of("POWERTOOLS_LOG_LEVEL", "AWS_LAMBDA_LOG_LEVEL")) {
            ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env(variable, "VERBOSE")));
            assertEquals(variable, e.variable());
            assertTrue(e.getMessage().startsWith(variable + ": "), e.getMessage());
            assertTrue(e.getMessage().contains("DEBUG, INFO, WARN or ERROR"), e.getMessage());
        }
    }

    @Test
    void aNamespaceOrServiceCloudWatchWouldRefuseStopsTheStart() {
        for (String namespace : List.of("AWS/Lambda", "Acme\"Auth", "x".repeat(256), "Ünïcode")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> Authorizer.fromEnvironment(env("POWERTOOLS_METRICS_NAMESPACE", namespace)));
            assertEquals("POWERTOOLS_METRICS_NAMESPACE", e.variable());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> Authorizer.fromEnvironment(env("POWERTOOLS_SERVICE_NAME", "orders\nauth")));
        assertEquals("POWERTOOLS_SERVICE_NAME", e.variable());
    }

    @Test
    void serviceAndNamespaceAreSettings() {
        List<JsonNode> lines = startAndDecideEachOutcome(env("POWERTOOLS_SERVICE_NAME", "orders-auth", "POWERTOOLS_METRICS_NAMESPACE", "Acme/Auth"));
        for (JsonNode line : lines) {
            assertEquals("orders-auth", line.get("service").textValue(), line.toString());
            for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
                assertEquals("Acme/Auth", directive.get("Namespace").textValue());
            }
        }
    }
}
