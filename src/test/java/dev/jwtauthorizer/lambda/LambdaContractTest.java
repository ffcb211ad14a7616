package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What API Gateway receives, byte for byte, when the Lambda Java runtime serializes the handler's
 * answer with its own serializer (aws-lambda-java-serialization's JacksonFactory).
 */
class LambdaContractTest {

    private static String lambdaJson(Map<String, Object> response) {
        return Events.toJson(response);
    }

    private static Map<String, Object> event(String json) {
        return Events.fromJson(json);
    }

    private static AuthorizerHandler handler(Map<String, String> env) {
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    @Test
    void allowPolicyHasExactlyTheKeysApiGatewayExpects() throws Exception {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_CONTEXT_CLAIMS", "sub");
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        Map<String, Object> event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + token
                + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}");
        String json = lambdaJson(handler(env).handleRequest(event, null));
        assertEquals("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":"
                + "[\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/*\"]}]},"
                + "\"context\":{\"sub\":\"alice\"}}", json);
        assertFalse(json.contains("null"));
    }

    @Test
    void forbiddenRoutePolicyCarriesNoAllowForIt() throws Exception {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"admin\",\"allow\":[\"* /*\"]}]");
        Map<String, Object> event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                + Tokens.rs256(TestKeys.RSA, "rsa-1") + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}");
        String json = lambdaJson(handler(env).handleRequest(event, null));
        assertTrue(json.contains("\"Effect\":\"Deny\""), json);
        assertFalse(json.contains("\"Allow\""), json);
    }

    @Test
    void badTokenFailsWithExactlyUnauthorized() {
        Map<String, Object> event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer a.b.c\",\"methodArn\":\""
                + Tokens.METHOD_ARN + "\"}");
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> handler(TestEnv.rsa()).handleRequest(event, null));
        assertEquals("Unauthorized", e.getMessage());
        assertThrows(UnauthorizedException.class, () -> handler(TestEnv.rsa()).handleRequest(event("{\"type\":\"TOKEN\"}"), null));
    }

    @Test
    void anEventOfNoKnownKindIsA500ThatSaysWhatArrivedNeverA401() {
        for (String json : List.of("{}", "{\"Records\":[{\"s3\":{}}]}", "{\"type\":\"REQUEST\",\"version\":\"3.0\"}",
                "{\"type\":\"token\",\"authorizationToken\":\"Bearer a.b.c\"}")) {
            String log = LogCapture.capture(() -> {
                AuthorizerFailureException e = assertThrows(AuthorizerFailureException.class,
                        () -> handler(TestEnv.rsa()).handleRequest(event(json), null));
                assertEquals("Authorizer failure: UNRECOGNISED_EVENT", e.getMessage());
            });
            assertTrue(log.contains("\"event\":\"unrecognised_event\""), log);
            assertTrue(log.contains("\"reason\":\"UNRECOGNISED_EVENT\""), log);
            assertFalse(log.contains("a.b.c"), log);
        }
        assertThrows(AuthorizerFailureException.class, () -> handler(TestEnv.rsa()).handleRequest(null, null));
    }

    @Test
    void keySetOutageFailsWithAnotherErrorSoApiGatewayAnswers500() throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.fail(503);
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            Map<String, Object> event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                    + Tokens.rs256(TestKeys.RSA, "rsa-1") + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}");
            AuthorizerFailureException e = assertThrows(AuthorizerFailureException.class, () -> handler(env).handleRequest(event, null));
            assertFalse(e.getMessage().equals("Unauthorized"));
        }
    }
}
