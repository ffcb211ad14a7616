package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.ApiGateway.Status;
import dev.jwtauthorizer.support.AuthorizerEvents;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.Tokens;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behavioural suite for every kind of authorizer event, through the real handler and the Lambda
 * runtime's own serializer, judged as API Gateway judges the answer: the same token gets the same
 * outcome whichever API it calls, wherever the request carries it.
 */
class EveryApiKindTest {
    private static final RSAKey ISSUER_KEY = NimbusTokens.rsa("rsa-1");
    /** Another key under the issuer's kid: its signatures are forgeries. */
    private static final RSAKey FORGER_KEY = NimbusTokens.withKid(NimbusTokens.rsa("forger"), "rsa-1");
    private static final String SOURCES = "header:Authorization,cookie:access_token,query:access_token,protocol:bearer";
    private static final String RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books/*\",\"$connect\"]},"
            + "{\"claim\":\"scope\",\"value\":\"books:write\",\"allow\":[\"DELETE /books/*\"]}]";

    private static final String READER = token(claims("books:read"), ISSUER_KEY);
    private static final AuthorizerHandler SIMPLE = handler(Map.of("JWT_HTTP_API_RESPONSE", "simple"));
    private static final AuthorizerHandler POLICY = handler(Map.of("JWT_HTTP_API_RESPONSE", "policy"));

    /** The six ways an API Gateway API can call the authorizer, and how its answer is read. */
    enum Api {
        REST_TOKEN(ApiKind.REST_TOKEN, false),
        REST_REQUEST(ApiKind.REST_REQUEST, false),
        HTTP_API_PAYLOAD_1(ApiKind.HTTP_API_V1, false),
        HTTP_API_PAYLOAD_2_SIMPLE(ApiKind.HTTP_API_V2, true),
        HTTP_API_PAYLOAD_2_POLICY(ApiKind.HTTP_API_V2, false),
        WEBSOCKET_CONNECT(ApiKind.WEBSOCKET, false);

        final ApiKind kind;
        final boolean simpleResponses;

        Api(ApiKind kind, boolean simpleResponses) {
            this.kind = kind;
            this.simpleResponses = simpleResponses;
        }

        /** GET /books/42, which books:read grants (for WebSocket, $connect). */
        AuthorizerEvents request() {
            return AuthorizerEvents.of(kind, "GET", "/books/42");
        }

        boolean isRequestKind() {
            return kind != ApiKind.REST_TOKEN;
        }
    }

    private static final Predicate<Api> EVERY_KIND = api -> true;
    private static final Predicate<Api> REQUEST_KINDS = Api::isRequestKind;

    /** What a request carries and what API Gateway answers for it, for every kind the case applies to. */
    enum Case {
        VALID_TOKEN_AS_BEARER_HEADER(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND,
                r -> r.header("Authorization", "Bearer " + READER)),
        VALID_TOKEN_AS_BARE_HEADER(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND,
                r -> r.header("Authorization", READER)),
        VALID_TOKEN_IN_COOKIE_HEADER(Status.ALLOWED, Reason.ROUTE_ALLOWED, REQUEST_KINDS,
                r -> r.cookieHeader("theme", "dark").cookieHeader("access_token", READER)),
        VALID_TOKEN_IN_COOKIES_ARRAY(Status.ALLOWED, Reason.ROUTE_ALLOWED, api -> api.kind == ApiKind.HTTP_API_V2,
                r -> r.cookie("theme", "dark").cookie("access_token", READER)),
        VALID_TOKEN_IN_QUERY(Status.ALLOWED, Reason.ROUTE_ALLOWED, REQUEST_KINDS,
                r -> r.query("access_token", READER)),
        VALID_TOKEN_IN_WEBSOCKET_PROTOCOL(Status.ALLOWED, Reason.ROUTE_ALLOWED, REQUEST_KINDS,
                r -> r.protocol("bearer", READER)),
        SAME_TOKEN_IN_TWO_SOURCES(Status.ALLOWED, Reason.ROUTE_ALLOWED, REQUEST_KINDS,
                r -> r.header("Authorization", "Bearer " + READER).query("access_token", READER)),
        EXPIRED_TOKEN(Status.UNAUTHORIZED_401, Reason.EXPIRED, EVERY_KIND,
                r -> r.header("Authorization", "Bearer " + token(claims("books:read")
                        .issueTime(new Date(System.currentTimeMillis() - 7_200_000))
                        .expirationTime(new Date(System.currentTimeMillis() - 3_600_000)).build(), ISSUER_KEY))),
        FORGED_SIGNATURE(Status.UNAUTHORIZED_401, Reason.BAD_SIGNATURE, EVERY_KIND,
                r -> r.header("Authorization", "Bearer " + token(claims("books:read"), FORGER_KEY))),
        WRONG_AUDIENCE(Status.UNAUTHORIZED_401, Reason.WRONG_AUDIENCE, EVERY_KIND,
                r -> r.header("Authorization", "Bearer " + token(claims("books:read").audience("another-api").build(), ISSUER_KEY))),
        MISSING_TOKEN(Status.UNAUTHORIZED_401, Reason.MISSING_TOKEN, EVERY_KIND,
                r -> r),
        TOKEN_FOR_OTHER_ROUTES(Status.FORBIDDEN_403, Reason.ROUTE_NOT_ALLOWED, EVERY_KIND,
                r -> r.header("Authorization", "Bearer " + token(claims("books:write"), ISSUER_KEY))),
        TWO_SOURCES_WITH_DIFFERENT_TOKENS(Status.UNAUTHORIZED_401, Reason.AMBIGUOUS_TOKEN, REQUEST_KINDS,
                r -> r.header("Authorization", "Bearer " + READER)
                        .cookie("access_token", token(claims("books:read").subject("mallory").build(), ISSUER_KEY)));

        final Status expected;
        final Reason reason;
        final Predicate<Api> appliesTo;
        final UnaryOperator<AuthorizerEvents> request;

        Case(Status expected, Reason reason, Predicate<Api> appliesTo, UnaryOperator<AuthorizerEvents> request) {
            this.expected = expected;
            this.reason = reason;
            this.appliesTo = appliesTo;
            this.request = request;
        }
    }

    static Stream<Arguments> everyKindAndCase() {
        return Stream.of(Api.values()).flatMap(api -> Stream.of(Case.values())
                .filter(c -> c.appliesTo.test(api))
                .map(c -> Arguments.of(api, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyKindAndCase")
    void everyKindGivesTheSameOutcome(Api api, Case c) {
        AuthorizerEvents request = c.request.apply(api.request());
        ApiGateway.Response response = call(api, request);
        String what = api + ", " + c + ": ";
        assertEquals(c.expected, response.status(), () -> what + "answer " + response.answer());
        assertEquals(c.reason.name(), response.decision().path("reason").asText(), what + "reason");
        assertEquals(api.kind.name(), response.decision().path("api").asText(), what + "the decision log names the kind");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anAllowHasTheShapeTheKindOfApiReads(Api api) {
        AuthorizerEvents request = api.request().header("Authorization", "Bearer " + READER);
        Map<String, Object> answer = call(api, request).answer();
        if (api.simpleResponses) {
            assertEquals(Set.of("isAuthorized", "context"), answer.keySet(), api + ": " + answer);
            assertEquals(Map.of("principalId", "alice", "sub", "alice", "scope", "books:read"), answer.get("context"), api + ": " + answer);
            return;
        }
        String what = api + ": " + answer;
        assertEquals(Set.of("principalId", "policyDocument", "context"), answer.keySet(), what);
        assertEquals("alice", answer.get("principalId"), what);
        assertEquals(Map.of("sub", "alice", "scope", "books:read"), answer.get("context"), what);
        List<Map<String, Object>> statements = statements(answer);
        for (Map<String, Object> statement : statements) {
            assertEquals(Set.of("Action", "Effect", "Resource"), statement.keySet(), what);
            assertEquals("execute-api:Invoke", statement.get("Action"), what);
            for (Object resource : assertInstanceOf(List.class, statement.get("Resource"))) {
                // Every resource names the API and stage the request came in on, nothing wider.
                String stage = request.arn().substring(0, request.arn().indexOf('/', request.arn().indexOf('/') + 1) + 1);
                assertTrue(resource.toString().startsWith(stage), what);
            }
        }
        List<?> allowed = statements.stream().filter(s -> s.get("Effect").equals("Allow"))
                .flatMap(s -> ((List<?>) s.get("Resource")).stream()).toList();
        if (api.kind == ApiKind.WEBSOCKET) {
            assertTrue(allowed.contains(AuthorizerEvents.ARN_PREFIX + "prod/$connect"), what);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aForbiddenRouteGetsNoAllowForItAndNoContextInASimpleResponse(Api api) {
        AuthorizerEvents request = api.request().header("Authorization", "Bearer " + token(claims("books:write"), ISSUER_KEY));
        ApiGateway.Response response = call(api, request);
        String what = api + ": " + response.answer();
        assertEquals(Status.FORBIDDEN_403, response.status(), what);
        if (api.simpleResponses) {
            assertEquals(Map.of("isAuthorized", false), response.answer(), what);
        } else {
            assertEquals("alice", response.answer().get("principalId"), what);
            assertNotNull(response.answer().get("policyDocument"), what);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void usageIdentifierKeyOnlyForRestApis(Api api) {
        AuthorizerHandler handler = handler(Map.of("JWT_USAGE_IDENTIFIER_CLAIM", "plan_key",
                "JWT_HTTP_API_RESPONSE", api.simpleResponses ? "simple" : "policy"));
        String token = token(claims("books:read").claim("plan_key", "key-for-alice").build(), ISSUER_KEY);
        AuthorizerEvents request = api.request().header("Authorization", "Bearer " + token);
        ApiGateway.Response response = ApiGateway.invoke(handler, request.build(), request.arn(), api.simpleResponses);
        String what = api + ": " + response.answer();
        assertEquals(Status.ALLOWED, response.status(), what);
        if (api.kind.hasUsagePlans()) {
            assertEquals("key-for-alice", response.answer().get("usageIdentifierKey"), what);
        } else {
            // Usage plans belong to REST APIs; HTTP and WebSocket APIs have no use for the member.
            assertFalse(response.answer().containsKey("usageIdentifierKey"), what);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void keysUnavailableIs500(Api api) throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.fail(503);
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            env.put("JWT_TOKEN_SOURCES", SOURCES);
            env.put("JWT_HTTP_API_RESPONSE", api.simpleResponses ? "simple" : "policy");
            AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(env));
            AuthorizerEvents request = api.request().header("Authorization", "Bearer " + READER);
            ApiGateway.Response response = ApiGateway.invoke(handler, request.build(), request.arn(), api.simpleResponses);
            assertEquals(Status.ERROR_500, response.status(), api + ": " + response.answer());
            assertEquals(Reason.KEY_SET_UNAVAILABLE.name(), response.decision().path("reason").asText(), api.name());
            assertNull(response.answer(), api.name());
        }
    }

    private static ApiGateway.Response call(Api api, AuthorizerEvents request) {
        AuthorizerHandler handler = api.kind == ApiKind.HTTP_API_V2 && api.simpleResponses ? SIMPLE : POLICY;
        return ApiGateway.invoke(handler, request.build(), request.arn(), api.simpleResponses);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> answer) {
        Map<String, Object> policy = (Map<String, Object>) answer.get("policyDocument");
        assertEquals(Set.of("Version", "Statement"), policy.keySet());
        assertEquals("2012-10-17", policy.get("Version"));
        return (List<Map<String, Object>>) policy.get("Statement");
    }

    private static AuthorizerHandler handler(Map<String, String> settings) {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(ISSUER_KEY));
        env.put("JWT_RULES", RULES);
        env.put("JWT_CONTEXT_CLAIMS", "sub,scope");
        env.put("JWT_TOKEN_SOURCES", SOURCES);
        env.putAll(settings);
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    /** The issuer's standard claims for alice, valid for an hour, with this scope. */
    private static JWTClaimsSet.Builder claims(String scope) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder()
                .issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("alice")
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 3_600_000))
                .claim("scope", scope);
    }

    private static String token(JWTClaimsSet.Builder claims, RSAKey key) {
        return token(claims.build(), key);
    }

    private static String token(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
