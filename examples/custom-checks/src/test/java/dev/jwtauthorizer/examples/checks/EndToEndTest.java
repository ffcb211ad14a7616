package dev.jwtauthorizer.examples.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The checks inside the real function: AuthorizerHandler, configured as Lambda would be, with
 * JWT_CUSTOM_CHECK naming the check, answering REST TOKEN events. 401 is the function failing with
 * "Unauthorized"; 403 is a policy without an Allow for the request.
 */
class EndToEndTest {
    private static final String SECRET = "an-example-secret-of-at-least-32-bytes!!";
    private static final String ARN = "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/";

    private static AuthorizerHandler function(Class<?> check) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", "https://issuer.example.com");
        env.put("JWT_AUDIENCE", "orders-api");
        env.put("JWT_ALGORITHMS", "HS256");
        env.put("JWT_HMAC_SECRET", SECRET);
        env.put("JWT_RULES", "[{\"allow\":[\"GET /tenants/*\",\"GET /books/*\"]}]");
        env.put("JWT_CUSTOM_CHECK", check.getName());
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    @Test
    void theTenantCheckLetsATenantInToItsOwnDataOnly() {
        AuthorizerHandler function = function(TenantCheck.class);
        String acme = token("{\"sub\":\"alice\",\"tenant\":\"acme\"}");
        Map<String, Object> own = function.handleRequest(event(acme, "GET/tenants/acme/orders"), null);
        assertEquals(List.of(ARN + "GET/books/*", ARN + "GET/tenants/acme", ARN + "GET/tenants/acme/*"), allowed(own));
        assertEquals(Map.of("tenant", "acme"), own.get("context"));
        Map<String, Object> other = function.handleRequest(event(acme, "GET/tenants/globex/orders"), null);
        assertEquals(List.of(), allowed(other), "403: no Allow");
    }

    @Test
    void theDenyListCheckRejectsAListedSubject() {
        AuthorizerHandler function = function(DenyListCheck.class);
        RuntimeException rejected = assertThrows(RuntimeException.class,
                () -> function.handleRequest(event(token("{\"sub\":\"mallory\"}"), "GET/books/1"), null));
        assertEquals("Unauthorized", rejected.getMessage(), "401");
        Map<String, Object> alice = function.handleRequest(event(token("{\"sub\":\"alice\"}"), "GET/books/1"), null);
        assertEquals(List.of(ARN + "GET/tenants/*", ARN + "GET/books/*"), allowed(alice));
    }

    private static Map<String, Object> event(String token, String route) {
        return Map.of("type", "TOKEN", "authorizationToken", "Bearer " + token, "methodArn", ARN + route);
    }

    @SuppressWarnings("unchecked")
    private static List<String> allowed(Map<String, Object> answer) {
        Map<String, Object> policy = (Map<String, Object>) answer.get("policyDocument");
        return ((List<Map<String, Object>>) policy.get("Statement")).stream()
                .filter(statement -> "Allow".equals(statement.get("Effect")))
                .flatMap(statement -> ((List<String>) statement.get("Resource")).stream())
                .toList();
    }

    /** An HS256 token of the issuer and audience above, valid for five minutes, with these claims too. */
    private static String token(String claims) {
        long now = System.currentTimeMillis() / 1000;
        String payload = claims.substring(0, claims.length() - 1) + ",\"iss\":\"https://issuer.example.com\","
                + "\"aud\":\"orders-api\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        String signed = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + base64Url(hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
