package dev.jwtauthorizer.security;

import static dev.jwtauthorizer.security.Forger.RSA;
import static dev.jwtauthorizer.security.Forger.claims;
import static dev.jwtauthorizer.security.Forger.genuine;
import static dev.jwtauthorizer.security.Forger.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tokens and events API Gateway can send that once made the authorizer answer 500 or read one
 * token in several spellings, and priming's traces in the log: each through the real handler, with
 * tokens made by nimbus-jose-jwt.
 */
class OddInputTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/1";
    private static final String LONGEST_ROUTE = "/" + "r".repeat(255);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TokenAuthorizerHandler handler = handler(Map.of(
            "JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books/*\", \"GET " + LONGEST_ROUTE + "\"]}]"));

    @Test
    void anExpiryAtTheLargestRepresentableTimeIsAllowedWhenTheTokenIsGenuine() {
        String token = sign(JWSAlgorithm.RS256, RSA, claims().claim("exp", Instant.MAX.getEpochSecond()).build());

        Answer answer = Answer.of(handler, "Bearer " + token, ARN);

        assertEquals("Allow", answer.status(), answer.log());
    }

    @Test
    void timesBeyondTheRepresentableAreRefusedAsMalformedNeverA500() {
        for (Object time : List.of(Instant.MAX.getEpochSecond() + 1, Long.MAX_VALUE, 1e300, -1e300, Long.MIN_VALUE)) {
            for (String claim : List.of("exp", "nbf", "iat")) {
                String token = sign(JWSAlgorithm.RS256, RSA, claims().claim(claim, time).build());

                Answer answer = Answer.of(handler, "Bearer " + token, ARN);

                assertEquals("401", answer.status(), claim + " = " + time + ": " + answer.log());
            }
        }
    }

    @Test
    void aNotBeforeOrIssuedAtAtTheSmallestRepresentableTimeIsNoObstacle() {
        long earliest = Instant.MIN.getEpochSecond();
        String token = sign(JWSAlgorithm.RS256, RSA, claims().claim("nbf", earliest).claim("iat", earliest).build());

        assertEquals("Allow", Answer.of(handler, "Bearer " + token, ARN).status());
    }

    @Test
    void numbersBeyondALongOrADoubleReachTheContextAsText() {
        TokenAuthorizerHandler withContext = handler(Map.of("JWT_CONTEXT_CLAIMS", "big,huge"));
        String payload = Forger.payloadJson();
        payload = payload.substring(0, payload.lastIndexOf('}')) + ",\"big\":1e400,\"huge\":123456789012345678901234567890}";
        String token = Forger.signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payload);

        Map<String, Object> context = context(withContext.handleRequest(event(token, ARN), null));

        assertEquals("Infinity", context.get("big"));
        assertEquals("123456789012345678901234567890", context.get("huge"));
    }

    @Test
    void aMethodArnWithAPartLongerThanApiGatewayAllowsIsA401WithItsOwnReason() {
        String longPart = "a".repeat(300);
        List<String> arns = List.of(
                "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/" + longPart + "/GET/books/1",
                "arn:aws:execute-api:" + longPart + ":123456789012:abcdef1234/prod/GET/books/1",
                "arn:aws-" + "x".repeat(200) + ":execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/1",
                "arn:aws:execute-api:us-east-1:123456789012:" + longPart + "/prod/GET/books/1",
                "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/" + "G".repeat(300) + "/books/1",
                ARN + "/" + "x".repeat(1600));

        for (String arn : arns) {
            Answer answer = Answer.of(handler, "Bearer " + genuine(), arn);

            assertEquals("401", answer.status(), arn);
            assertEquals(Reason.METHOD_ARN_OUT_OF_LIMITS, answer.reason(), arn);
        }
    }

    @Test
    void atApiGatewaysLimitsEveryResourceOfThePolicyFitsIams512Characters() {
        String arn = "arn:aws-us-gov:execute-api:" + "r".repeat(32) + ":123456789012:" + "a".repeat(16) + "/"
                + "s".repeat(128) + "/GET" + LONGEST_ROUTE;

        for (TokenAuthorizerHandler each : List.of(handler, handler(Map.of()))) {
            Map<String, Object> response = each.handleRequest(event(genuine(), arn), null);

            List<String> resources = resources(response);
            assertFalse(resources.isEmpty());
            resources.forEach(resource -> assertTrue(resource.length() <= 512, resource.length() + ": " + resource));
        }
        assertEquals("Allow", Answer.of(handler, "Bearer " + genuine(), arn).status());
    }

    @Test
    void onlyTheCanonicalSpellingOfEachSegmentIsAccepted() {
        String token = genuine();
        assertEquals("Allow", Answer.of(handler, "Bearer " + token, ARN).status());

        List<String> respellings = respellings(token);
        // An RS256 signature is 256 bytes: 342 characters, whose last carries 4 unused bits.
        assertTrue(respellings.size() >= 15, "respellings: " + respellings.size());
        for (String respelled : respellings) {
            assertNotEquals(token, respelled);
            Answer answer = Answer.of(handler, "Bearer " + respelled, ARN);

            assertEquals("401", answer.status(), respelled);
            assertEquals(Reason.MALFORMED_TOKEN, answer.reason());
        }
    }

    @Test
    void aSegmentOfImpossibleLengthIsMalformed() {
        String[] parts = genuine().split("\\.");
        for (int segment = 0; segment < 3; segment++) {
            String[] changed = parts.clone();
            // 4k+1 characters cannot be base64 of anything.
            changed[segment] = changed[segment] + "A".repeat((5 - changed[segment].length() % 4) % 4);
            Answer answer = Answer.of(handler, "Bearer " + String.join(".", changed), ARN);

            assertEquals("401", answer.status());
            assertEquals(Reason.MALFORMED_TOKEN, answer.reason());
        }
    }

    @Test
    void primingLeavesNoDecisionAndNoKeyLinesInTheLog() {
        Authorizer authorizer = LogCapture.discard(() -> Authorizer.fromEnvironment(env(Map.of())));

        String log = LogCapture.capture(authorizer::prime);

        List<String> events = new ArrayList<>();
        for (String line : log.split("\n")) {
            // Jazzer's agent, in the JVM when the fuzz tests ran first, announces classes it instruments on stderr.
            if (!line.isBlank() && !line.startsWith("INFO: Instrumented ")) {
                events.add(json(line).path("event").asText());
            }
        }
        assertTrue(events.contains("primed"), log);
        // Only operational lines: what priming did, and the crypto provider it installed.
        for (String event : events) {
            assertTrue(List.of("primed", "crypto_provider", "crypto_provider_unavailable").contains(event), log);
        }
        // The real authorizer still decides and logs as before.
        String after = LogCapture.capture(() -> authorizer.authorize("Bearer " + genuine(), ARN));
        assertEquals("decision", json(after.strip()).path("event").asText());
    }

    /** Every other spelling of each segment that Java's lenient decoder reads as the same bytes. */
    private static List<String> respellings(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String[] parts = token.split("\\.");
        List<String> respellings = new ArrayList<>();
        for (int segment = 0; segment < 3; segment++) {
            String text = parts[segment];
            int unusedBits = switch (text.length() % 4) {
                case 2 -> 4;
                case 3 -> 2;
                default -> 0;
            };
            int last = alphabet.indexOf(text.charAt(text.length() - 1));
            for (int extra = 1; extra < (1 << unusedBits); extra++) {
                String[] changed = parts.clone();
                changed[segment] = text.substring(0, text.length() - 1) + alphabet.charAt(last | extra);
                respellings.add(String.join(".", changed));
            }
        }
        return respellings;
    }

    private static TokenAuthorizerHandler handler(Map<String, String> extra) {
        return new TokenAuthorizerHandler(LogCapture.discard(() -> Authorizer.fromEnvironment(env(extra))));
    }

    private static Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "JWT_ISSUER", Forger.ISSUER, "JWT_AUDIENCE", Forger.AUDIENCE, "JWT_JWKS", Forger.jwks()));
        env.putAll(extra);
        return env;
    }

    private static Map<String, Object> event(String token, String arn) {
        return Events.token("Bearer " + token, arn);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Map<String, Object> response) {
        return (Map<String, Object>) response.get("context");
    }

    @SuppressWarnings("unchecked")
    private static List<String> resources(Map<String, Object> response) {
        List<String> resources = new ArrayList<>();
        Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
        for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
            resources.addAll((List<String>) statement.get("Resource"));
        }
        return resources;
    }

    private static JsonNode json(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }
}
