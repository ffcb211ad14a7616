package dev.jwtauthorizer;

import static dev.jwtauthorizer.support.Tokens.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** From a verified token to the routes, principal, context and usage key of its policy. */
class AuthorizationTest {
    private static final String RULES = """
            [
              {"claim": "scope", "value": "books:read", "allow": ["GET /books", "GET /books/*"]},
              {"claim": "scp", "value": "books:write", "allow": ["POST /books"]},
              {"claim": "cognito:groups", "value": "admins", "allow": ["* /*"]},
              {"claim": "roles", "value": "auditor", "allow": ["GET /audit/*"]},
              {"claim": "groups", "value": "librarians", "allow": ["PUT /books/*"]},
              {"claim": "/realm_access/roles", "value": "archivist", "allow": ["GET /archive/*"]},
              {"claim": "tenant", "value": "acme", "allow": ["GET /tenants/acme/*"]},
              {"claim": "email_verified", "value": "true", "allow": ["GET /profile"]},
              {"allow": ["GET /health"]}
            ]""";
    private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";

    private static Decision decide(Map<String, String> env, String token, String methodArn) {
        return Authorizer.fromEnvironment(env).authorize("Bearer " + token, methodArn);
    }

    private static Map<String, String> withRules() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_RULES", RULES);
        return env;
    }

    private static String token(Map<String, Object> claims) {
        return Tokens.claims().withPayload(claims).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    @Test
    void aPolicyListsOnlyTheRoutesOfItsOwnKindOfApi() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\",\"$connect\"]}]");
        String token = token(Map.of("scope", "books:read"));

        Decision rest = decide(env, token, STAGE + "GET/books");
        Decision webSocket = decide(env, token, STAGE + "$connect");

        assertEquals(List.of(STAGE + "GET/books"), rest.response().allowed());
        assertEquals(Reason.ROUTE_ALLOWED, webSocket.reason());
        assertEquals(List.of(STAGE + "$connect"), webSocket.response().allowed());
    }

    @Test
    void withoutRulesAValidTokenMayCallEveryRouteOfItsStage() {
        Decision decision = decide(TestEnv.rsa(), Tokens.rs256(TestKeys.RSA, "rsa-1"), METHOD_ARN);
        assertEquals(Reason.ROUTE_ALLOWED, decision.reason());
        assertEquals(List.of(STAGE + "*/*"), decision.response().allowed());
        assertEquals("alice", decision.response().principalId());
    }

    @Test
    void thePolicyListsEveryRouteTheClaimsGrantSoCachedPoliciesStayRight() {
        String token = token(Map.of("scope", "openid books:read profile", "roles", List.of("auditor", "user")));
        Decision decision = decide(withRules(), token, STAGE + "GET/books/42");
        assertEquals(Reason.ROUTE_ALLOWED, decision.reason());
        assertEquals(List.of(STAGE + "GET/books", STAGE + "GET/books/*", STAGE + "GET/audit/*", STAGE + "GET/health"),
                decision.response().allowed());
    }

    @Test
    void aGenuineTokenWithoutPermissionForTheRouteGetsA403() {
        Decision decision = decide(withRules(), token(Map.of("scope", "books:read")), STAGE + "DELETE/books/42");
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decision.reason());
        assertFalse(decision.response().allowed().contains(STAGE + "DELETE/books/42"));
    }

    @Test
    void scpAsAStringOrAnArrayAndGroupsAndScalarClaimsAllMatch() {
        Map<String, String> env = withRules();
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("scp", "books:write")), STAGE + "POST/books").reason());
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("scp", List.of("books:write"))), STAGE + "POST/books").reason());
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("cognito:groups", List.of("admins"))), STAGE + "DELETE/x").reason());
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("tenant", "acme")), STAGE + "GET/tenants/acme/1").reason());
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("email_verified", true)), STAGE + "GET/profile").reason());
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token(Map.of("groups", List.of("staff", "librarians"))), STAGE + "PUT/books/1").reason());
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decide(env, token(Map.of("groups", List.of("staff"))), STAGE + "PUT/books/1").reason());
    }

    @Test
    void aPointerReachesIntoObjectsAndNoOtherClaimMeetsIt() {
        Map<String, String> env = withRules();
        // Keycloak's shape: {"realm_access": {"roles": [...]}}.
        String nested = token(Map.of("realm_access", Map.of("roles", List.of("archivist"))));
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, nested, STAGE + "GET/archive/1").reason());
        String flat = token(Map.of("realm_access.roles", List.of("archivist")));
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decide(env, flat, STAGE + "GET/archive/1").reason());
        String notAnObject = token(Map.of("realm_access", "archivist"));
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decide(env, notAnObject, STAGE + "GET/archive/1").reason());
    }

    @Test
    void onlyScopeClaimsAreSplitOnSpaces() {
        // "tenant" holds one value: "acme corp" is not "acme".
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decide(withRules(), token(Map.of("tenant", "acme corp")), STAGE + "GET/tenants/acme/1").reason());
    }

    @Test
    void aTokenNoRuleGrantsAnythingBeyondTheOpenRoutesIsDenied() {
        Decision decision = decide(withRules(), token(Map.of("scope", "other")), STAGE + "GET/books");
        assertEquals(Reason.ROUTE_NOT_ALLOWED, decision.reason());
        assertEquals(List.of(STAGE + "GET/health"), decision.response().allowed());
    }

    @Test
    void contextCarriesConfiguredClaimsAsScalarsOnly() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_CONTEXT_CLAIMS", "sub,scope,cognito:groups,level,admin,address,absent");
        String token = token(Map.of("scope", "a b", "cognito:groups", List.of("x", "y"), "level", 3, "admin", true,
                "address", Map.of("city", "Oslo")));
        Map<String, Object> context = decide(env, token, METHOD_ARN).response().context();
        assertEquals(Map.of("sub", "alice", "scope", "a b", "cognito:groups", "x,y", "level", 3, "admin", true,
                "address", "{\"city\":\"Oslo\"}"), context);
    }

    @Test
    void aContextClaimGivenAsAPointerIsKeyedByThePointerAsWritten() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_CONTEXT_CLAIMS", "/realm_access/roles,/https:~1~1example.com~1tenant");
        String token = token(Map.of("realm_access", Map.of("roles", List.of("archivist", "reader")),
                "https://example.com/tenant", "acme"));
        Map<String, Object> context = decide(env, token, METHOD_ARN).response().context();
        assertEquals(Map.of("/realm_access/roles", "archivist,reader", "/https:~1~1example.com~1tenant", "acme"), context);
    }

    @Test
    void principalAndUsageKeyComeFromConfiguredClaims() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_PRINCIPAL_CLAIM", "client_id");
        env.put("JWT_USAGE_IDENTIFIER_CLAIM", "api_key");
        Decision decision = decide(env, token(Map.of("client_id", "app-7", "api_key", "k-123")), METHOD_ARN);
        assertEquals("app-7", decision.response().principalId());
        assertEquals("k-123", decision.response().usageIdentifierKey());
        assertEquals(Reason.MISSING_PRINCIPAL, decide(env, Tokens.rs256(TestKeys.RSA, "rsa-1"), METHOD_ARN).reason());
    }

    @Test
    void aMalformedMethodArnIsNeverAllowed() {
        Decision decision = decide(TestEnv.rsa(), Tokens.rs256(TestKeys.RSA, "rsa-1"), "arn:aws:s3:::bucket");
        assertEquals(Reason.INVALID_METHOD_ARN, decision.reason());
        assertNull(decision.response());
    }
}
