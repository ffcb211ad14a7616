package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the event, methodArn and policy path: a genuine token with fuzzed
 * claims (principal, scopes, roles, context values) and a fuzzed methodArn and header value,
 * through the real handler. The invariants: the answer is a policy, a 401 or nothing else; a policy
 * names only resources of the request's own API and stage, each within IAM's 512 characters, with
 * the token's subject as principal and only strings, numbers and booleans in its context; and an
 * Allow only ever covers the request when the rules grant its route to the token's claims.
 */
class EventPathFuzzTest {
    private static final String RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books/*\"]},"
            + "{\"claim\":\"roles\",\"value\":\"admin\",\"allow\":[\"* /*\"]}]";
    // Built once per JVM, as Lambda builds the handler once per container.
    private static final TokenAuthorizerHandler HANDLER = new TokenAuthorizerHandler(Authorizer.fromEnvironment(Map.of(
            "JWT_ISSUER", Forger.ISSUER,
            "JWT_AUDIENCE", Forger.AUDIENCE,
            "JWT_ALGORITHMS", "HS256",
            "JWT_HMAC_SECRET", Forger.HMAC_SECRET,
            "JWT_RULES", RULES,
            "JWT_CONTEXT_CLAIMS", "scope,roles,name,org",
            "JWT_USAGE_IDENTIFIER_CLAIM", "plan")));
    private static final String[] VERBS = {"GET", "POST", "DELETE", "get", "*", ""};
    private static final String[] PATHS = {"books/42", "books/", "books", "admin", "books/42/../../admin", "", "books/*"};

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"arn:aws:execute-api:", "aws-cn", "us-east-1", "123456789012", "/prod/", "GET", "books", "/", "*", "?",
        "books:read", "admin", "%2F", "\\u0000"})
    void policiesStayOnTheRequestsApiAndFollowTheRules(FuzzedDataProvider data) {
        String scope = data.consumeBoolean() ? "books:read" : data.consumeString(24);
        List<String> roles = data.consumeBoolean() ? List.of("admin") : List.of(data.consumeString(12), data.consumeString(12));
        String subject = data.consumeString(40);
        Map<String, Object> more = Map.of("name", data.consumeString(40),
                "org", Map.of(data.consumeString(8), data.consumeBoolean() ? List.of(data.consumeInt()) : data.consumeString(8)),
                "plan", data.consumeBoolean() ? data.consumeString(20) : data.consumeLong());
        String verb = data.consumeBoolean() ? data.pickValue(VERBS) : data.consumeString(8);
        String path = data.consumeBoolean() ? data.pickValue(PATHS) : data.consumeString(600);
        String methodArn = data.consumeBoolean()
                ? "arn:" + (data.consumeBoolean() ? "aws" : data.consumeString(10)) + ":execute-api:us-east-1:123456789012:abc123/"
                        + (data.consumeBoolean() ? "prod" : data.consumeString(10)) + "/" + verb + "/" + path
                : data.consumeRemainingAsString();
        answerChecked(subject, scope, roles, more, methodArn);
    }

    @Test
    void theInvariantsHoldForAllowsAndDenies() {
        String arn = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/";
        assertEquals("Allow", answerChecked("alice", "books:read", List.of(), Map.of(), arn + "GET/books/42"));
        assertEquals("403", answerChecked("alice", "books:read", List.of(), Map.of(), arn + "DELETE/books/42"));
        assertEquals("Allow", answerChecked("root", "", List.of("admin"), Map.of("org", Map.of("a", 1)), arn + "DELETE/books/42"));
        assertEquals("401", answerChecked("alice", "books:read", List.of(), Map.of(), "arn:aws:s3:::bucket/key"));
    }

    /** Calls the handler and checks every invariant; "Allow", "403" or "401". */
    private static String answerChecked(String subject, String scope, List<String> roles, Map<String, Object> more, String methodArn) {
        JWTClaimsSet.Builder claims = Forger.claims().subject(subject).claim("scope", scope).claim("roles", roles);
        more.forEach(claims::claim);
        String token = Forger.sign(new JWSHeader(JWSAlgorithm.HS256), claims.build(), Forger.hmac(Forger.HMAC_SECRET.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> event = Events.token("Bearer " + token, methodArn);
        Map<String, Object> response;
        try {
            response = LogCapture.discard(() -> HANDLER.handleRequest(event, null));
        } catch (UnauthorizedException unauthorized) {
            return "401";
        } catch (AuthorizerFailureException failure) {
            throw new AssertionError("500 for a genuine token and methodArn " + methodArn, failure);
        }

        assertEquals(subject, response.get("principalId"));
        String ownPrefix = methodArn.substring(0, nthIndexOf(methodArn, '/', 2) + 1);
        boolean allowed = false;
        @SuppressWarnings("unchecked")
        Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
        assertEquals("2012-10-17", policy.get("Version"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
        for (Map<String, Object> statement : statements) {
            assertEquals("execute-api:Invoke", statement.get("Action"));
            @SuppressWarnings("unchecked")
            List<String> resources = (List<String>) statement.get("Resource");
            for (String resource : resources) {
                assertTrue(resource.startsWith(ownPrefix), resource + " is not on " + ownPrefix);
                assertTrue(resource.length() <= 512, "resource longer than IAM allows");
                if (statement.get("Effect").equals("Allow") && ApiGateway.iamMatches(resource, methodArn)) {
                    allowed = true;
                }
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) response.getOrDefault("context", Map.of());
        for (Object value : context.values()) {
            assertTrue(value instanceof String || value instanceof Number || value instanceof Boolean, "context value " + value);
        }
        Object usageKey = response.get("usageIdentifierKey");
        assertTrue(usageKey == null || usageKey instanceof String);

        String route = methodArn.substring(nthIndexOf(methodArn, '/', 2) + 1);
        boolean granted = roles.contains("admin")
                || (List.of(scope.split(" ")).contains("books:read") && route.startsWith("GET/books/"));
        if (allowed) {
            assertTrue(granted, "Allow for " + route + " with scope " + scope + " and roles " + roles);
        }
        return allowed ? "Allow" : "403";
    }


    private static int nthIndexOf(String text, char c, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(c, at + 1);
        }
        return at;
    }
}
