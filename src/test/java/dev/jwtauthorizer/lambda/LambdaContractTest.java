package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What API Gateway receives, byte for byte, when the Lambda Java runtime serializes the handler's
 * answer with its own serializer (aws-lambda-java-serialization's JacksonFactory).
 */
class LambdaContractTest {

    private static String lambdaJson(Object response) throws Exception {
        // The runtime picks the serializer from the handler method's generic return type.
        Method method = TokenAuthorizerHandler.class.getMethod("handleRequest", APIGatewayCustomAuthorizerEvent.class,
                com.amazonaws.services.lambda.runtime.Context.class);
        Type type = method.getGenericReturnType();
        PojoSerializer<Object> serializer = JacksonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static APIGatewayCustomAuthorizerEvent event(String json) {
        // The event as the runtime deserializes it from API Gateway's JSON.
        return JacksonFactory.getInstance().getSerializer(APIGatewayCustomAuthorizerEvent.class)
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static TokenAuthorizerHandler handler(Map<String, String> env) {
        return new TokenAuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    @Test
    void allowPolicyHasExactlyTheKeysApiGatewayExpects() throws Exception {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_CONTEXT_CLAIMS", "sub");
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        APIGatewayCustomAuthorizerEvent event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + token
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
        APIGatewayCustomAuthorizerEvent event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                + Tokens.rs256(TestKeys.RSA, "rsa-1") + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}");
        String json = lambdaJson(handler(env).handleRequest(event, null));
        assertTrue(json.contains("\"Effect\":\"Deny\""), json);
        assertFalse(json.contains("\"Allow\""), json);
    }

    @Test
    void badTokenFailsWithExactlyUnauthorized() {
        APIGatewayCustomAuthorizerEvent event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer a.b.c\",\"methodArn\":\""
                + Tokens.METHOD_ARN + "\"}");
        UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> handler(TestEnv.rsa()).handleRequest(event, null));
        assertEquals("Unauthorized", e.getMessage());
        assertThrows(UnauthorizedException.class, () -> handler(TestEnv.rsa()).handleRequest(null, null));
        assertThrows(UnauthorizedException.class, () -> handler(TestEnv.rsa()).handleRequest(new APIGatewayCustomAuthorizerEvent(), null));
    }

    @Test
    void keySetOutageFailsWithAnotherErrorSoApiGatewayAnswers500() throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.fail(503);
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            APIGatewayCustomAuthorizerEvent event = event("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                    + Tokens.rs256(TestKeys.RSA, "rsa-1") + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}");
            AuthorizerFailureException e = assertThrows(AuthorizerFailureException.class, () -> handler(env).handleRequest(event, null));
            assertFalse(e.getMessage().equals("Unauthorized"));
        }
    }
}
