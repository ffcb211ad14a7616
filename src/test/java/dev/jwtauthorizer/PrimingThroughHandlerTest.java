package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Priming drives the handler's own entry with events of every kind, carrying tokens of every
 * algorithm the function allows, and answers them as the handler does (a 401 as its exception).
 */
class PrimingThroughHandlerTest {

    @Test
    void everyKindAndEveryConfiguredAlgorithmGoesThroughTheHandler() {
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"), TestKeys.jwk(TestKeys.EC384, "ec-1")));
        env.put("JWT_ALGORITHMS", "RS256,PS256,ES384,HS512");
        env.put("JWT_HMAC_SECRET", TestKeys.HMAC_SECRET);
        Authorizer real = Authorizer.fromEnvironment(env);
        Set<String> kinds = new TreeSet<>();
        Set<String> algorithms = new TreeSet<>();
        Set<String> answers = new TreeSet<>();
        Priming.run(real, authorizer -> {
            AuthorizerHandler handler = new AuthorizerHandler(authorizer);
            return PrimingEntry.ofMaps(event -> {
                kinds.add(kind(event));
                if ("TOKEN".equals(event.get("type"))) {
                    algorithms.add(algorithm((String) event.get("authorizationToken")));
                }
                try {
                    Map<String, Object> answer = handler.handleRequest(event, null);
                    answers.add(answer.containsKey("isAuthorized") ? "simple" : "policy");
                    return answer;
                } catch (RuntimeException e) {
                    answers.add(e.getClass().getSimpleName());
                    throw e;
                }
            });
        }, new Priming.Bounds(0, 0)); // one round: what is driven, not how long
        assertEquals(Set.of("TOKEN", "REQUEST", "HTTP_API_1.0", "HTTP_API_2.0", "WEBSOCKET"), kinds);
        assertTrue(algorithms.containsAll(Set.of("RS256", "PS256", "ES384", "HS512")), algorithms.toString());
        assertEquals(Set.of("policy", "simple", "UnauthorizedException"), answers);
    }

    private static String kind(Map<String, Object> event) {
        if ("2.0".equals(event.get("version")) || "1.0".equals(event.get("version"))) {
            return "HTTP_API_" + event.get("version");
        }
        if (String.valueOf(event.get("methodArn")).endsWith("/$connect")) {
            return "WEBSOCKET";
        }
        return String.valueOf(event.get("type"));
    }

    /** The alg of a "Bearer" token's header, or what else the credential is. */
    private static String algorithm(String authorization) {
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return "not a JWT";
        }
        Object header = Json.read(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        return String.valueOf(Json.asObject(header).get("alg"));
    }
}
