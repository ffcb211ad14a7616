package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keys Powertools users query, on every decision line, with their types; and the invocation's
 * own keys (request id, function, memory, trace, cold start) taken from the Lambda Context and the
 * X-Ray trace header the runtime sets.
 */
class InvocationKeysTest {
    private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final String TRACE_ID = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String RFC_3339_MILLIS_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @AfterEach
    void clearTrace() {
        System.clearProperty(TRACE_PROPERTY);
    }

    private static AuthorizerHandler handler(Map<String, String> env) {
        return LogCapture.discard(() -> new AuthorizerHandler(Authorizer.fromEnvironment(env)));
    }

    private static void invoke(AuthorizerHandler handler, String authorization, FakeContext context) {
        try {
            handler.handleRequest(Events.token(authorization, Tokens.METHOD_ARN), context);
        } catch (UnauthorizedException expected) {
            // A 401 is one of the decisions these tests log.
        }
    }

    @Test
    void everyDecisionLineHasThePowertoolsKeysWithTheirTypes() {
        AuthorizerHandler handler = handler(TestEnv.rsa());
        System.setProperty(TRACE_PROPERTY, "Root=" + TRACE_ID + ";Parent=53995c3f42cd8ad8;Sampled=1");
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        List<JsonNode> lines = LogLines.capture(() -> invoke(handler, "Bearer " + token, FakeContext.of("c6af9ac6-7b61-11e6")));

        JsonNode line = LogLines.decisions(lines).get(0);
        assertEquals("INFO", line.get("level").textValue());
        assertTrue(line.get("timestamp").textValue().matches(RFC_3339_MILLIS_UTC), line.get("timestamp").toString());
        Instant at = Instant.parse(line.get("timestamp").textValue());
        assertTrue(Duration.between(at, Instant.now()).abs().toSeconds() < 60, "timestamp is not now: " + at);
        assertEquals("jwt-authorizer", line.get("service").textValue());
        assertTrue(line.get("cold_start").isBoolean());
        assertEquals("c6af9ac6-7b61-11e6", line.get("function_request_id").textValue());
        assertEquals(TRACE_ID, line.get("xray_trace_id").textValue());
        assertEquals(FakeContext.FUNCTION, line.get("function_name").textValue());
        assertEquals(FakeContext.ARN, line.get("function_arn").textValue());
        assertTrue(line.get("function_memory_size").isInt());
        assertEquals(512, line.get("function_memory_size").intValue());
        assertEquals("decision", line.get("message").textValue());
        assertEquals("decision", line.get("event").textValue());
        assertEquals("ALLOW", line.get("outcome").textValue());
        assertEquals("ROUTE_ALLOWED", line.get("reason").textValue());
        assertEquals("alice", line.get("principal").textValue());
        assertEquals("REST_TOKEN", line.get("api").textValue());
        assertEquals("RS256", line.get("alg").textValue());
        assertEquals("rsa-1", line.get("kid").textValue());
        assertTrue(line.get("tokenHash").textValue().matches("[0-9a-f]{16}"));
        assertEquals(Tokens.METHOD_ARN, line.get("methodArn").textValue());
        assertTrue(line.get("micros").isIntegralNumber() && line.get("micros").longValue() >= 0);
    }

    @Test
    void coldStartIsTrueOnTheFirstInvocationOnly() {
        AuthorizerHandler handler = handler(TestEnv.rsa());
        String good = "Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1");
        String forged = "Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-1");
        List<JsonNode> lines = LogLines.capture(() -> {
            for (int i = 0; i < 5; i++) {
                invoke(handler, i % 2 == 0 ? good : forged, FakeContext.of("request-" + i));
            }
        });

        List<JsonNode> decisions = LogLines.decisions(lines);
        assertEquals(5, decisions.size());
        List<Boolean> coldStarts = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            JsonNode line = decisions.get(i);
            coldStarts.add(line.get("cold_start").booleanValue());
            assertEquals("request-" + i, line.get("function_request_id").textValue());
            assertEquals(i == 0, line.has(Metric.COLD_START.metricName()), "ColdStart metric on decision " + i);
        }
        assertEquals(List.of(true, false, false, false, false), coldStarts);
    }

    @Test
    void withoutAContextOrTraceHeaderOnlyTheColdStartIsKnown() {
        assumeTrue(System.getenv("_X_AMZN_TRACE_ID") == null, "this machine sets a trace header");
        AuthorizerHandler handler = handler(TestEnv.rsa());
        List<JsonNode> lines = LogLines.capture(() -> invoke(handler, "Bearer not-a-token", null));

        JsonNode line = LogLines.decisions(lines).get(0);
        assertTrue(line.get("cold_start").booleanValue());
        for (String absent : List.of("function_request_id", "function_name", "function_arn", "function_memory_size", "xray_trace_id")) {
            assertFalse(line.has(absent), absent + " without a Context or trace header: " + line);
        }
    }

    @Test
    void linesWrittenDuringAnInvocationCarryItsKeysAndStartLinesDoNot() throws Exception {
        try (JwksServer jwks = new JwksServer()) {
            jwks.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "use", "sig")));
            List<JsonNode> start = LogLines.capture(() -> handler(TestEnv.withJwksUri(jwks.url())));
            AuthorizerHandler handler = handler(TestEnv.withJwksUri(jwks.url()));
            // A kid the set lacks makes the invocation fetch the set again, and log that it did.
            jwks.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "use", "sig"), TestKeys.jwk(TestKeys.RSA_2, "rsa-2", "use", "sig")));
            List<JsonNode> during = LogLines.capture(() ->
                    invoke(handler, "Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-2"), FakeContext.of("refetching-request")));

            for (JsonNode line : start) {
                assertTrue(line.get("level").isTextual() && line.get("timestamp").isTextual() && line.get("service").isTextual(), line.toString());
                assertFalse(line.has("cold_start") || line.has("function_request_id"), "a start line with invocation keys: " + line);
            }
            JsonNode refetch = LogLines.named(during, "keys_loaded").get(0);
            assertEquals("refetching-request", refetch.get("function_request_id").textValue());
            assertEquals("INFO", refetch.get("level").textValue());
            assertTrue(refetch.get("cold_start").isBoolean());
            assertEquals("ALLOW", LogLines.decisions(during).get(0).get("outcome").textValue());
        }
    }

    @Test
    void theTraceIdIsTheRootOfTheTraceHeader() {
        assertEquals(TRACE_ID, Invocation.traceRoot("Root=" + TRACE_ID + ";Parent=53995c3f42cd8ad8;Sampled=1"));
        assertEquals(TRACE_ID, Invocation.traceRoot("Sampled=0; Root=" + TRACE_ID));
        assertEquals(TRACE_ID, Invocation.traceRoot("Root=" + TRACE_ID));
        assertNull(Invocation.traceRoot("Parent=53995c3f42cd8ad8;Sampled=1"));
        assertNull(Invocation.traceRoot("Root="));
        assertNull(Invocation.traceRoot(null));
    }

    @Test
    void theHandlerStillAnswersWhenTheTraceHeaderIsGarbage() {
        AuthorizerHandler handler = handler(TestEnv.rsa());
        System.setProperty(TRACE_PROPERTY, "\u0000\n;;;=");
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        List<JsonNode> lines = LogLines.capture(() -> handler.handleRequest(Events.token("Bearer " + token, Tokens.METHOD_ARN), null));
        JsonNode line = LogLines.decisions(lines).get(0);
        assertEquals("ALLOW", line.get("outcome").textValue());
        assertFalse(line.has("xray_trace_id"));
    }
}
