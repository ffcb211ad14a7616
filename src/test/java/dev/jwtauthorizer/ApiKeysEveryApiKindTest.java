package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauthorizer.EveryApiKindTest.Api;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.ApiGateway.Status;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.AuthorizerEvents;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * API keys beside JWTs, in every kind of API, through the real handler and the Lambda runtime's
 * serializer, judged as API Gateway judges the answer: only the exact key gets in, a right key
 * without the route gets the 403 a JWT gets, and a request carrying two credentials gets none.
 * Keys travel in x-api-key (Authorization for TOKEN events, which carry one value).
 */
class ApiKeysEveryApiKindTest {
    private static final RSAKey ISSUER_KEY = NimbusTokens.rsa("rsa-1");
    private static final String JWT = NimbusTokens.token(ISSUER_KEY);
    private static final String KEY_LIST = ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry(), ApiKeys.writerEntry());
    private static final AuthorizerHandler SIMPLE = handler("simple");
    private static final AuthorizerHandler POLICY = handler("policy");

    private static final Predicate<Api> EVERY_KIND = api -> true;
    private static final Predicate<Api> REQUEST_KINDS = api -> api.kind != ApiKind.REST_TOKEN;

    /** What a request carries, and what API Gateway answers for it. */
    enum Case {
        RIGHT_KEY(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND, (api, r) -> key(api, r, ApiKeys.ACME)),
        RIGHT_KEY_AFTER_BEARER(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND, (api, r) -> key(api, r, "bearer " + ApiKeys.ACME)),
        SECOND_ACTIVE_KEY(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND, (api, r) -> key(api, r, ApiKeys.ACME_NEXT)),
        WRONG_KEY(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, EVERY_KIND,
                (api, r) -> key(api, r, "jwta_bm90LWEta2V5LWFueWJvZHktaXNzdWVkLWV2ZXI")),
        ONE_CHARACTER_DIFFERENT(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME.substring(0, 20) + "X" + ApiKeys.ACME.substring(21))),
        EMPTY_KEY(Status.UNAUTHORIZED_401, Reason.MISSING_TOKEN, EVERY_KIND, (api, r) -> key(api, r, "")),
        SUBSTRING_OF_A_KEY(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME.substring(5, 30))),
        PREFIX_OF_A_KEY(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME.substring(0, ApiKeys.ACME.length() - 1))),
        SUPERSTRING_OF_A_KEY(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME + "x")),
        KEY_OF_10_KB(Status.UNAUTHORIZED_401, Reason.API_KEY_MALFORMED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME.repeat(10_240 / ApiKeys.ACME.length() + 1))),
        KEY_WITH_A_CONTROL_CHARACTER(Status.UNAUTHORIZED_401, Reason.API_KEY_MALFORMED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.ACME + "\u0000")),
        RIGHT_KEY_WITHOUT_THE_ROUTE(Status.FORBIDDEN_403, Reason.ROUTE_NOT_ALLOWED, EVERY_KIND,
                (api, r) -> key(api, r, ApiKeys.WRITER)),
        JWT_ALONE(Status.ALLOWED, Reason.ROUTE_ALLOWED, EVERY_KIND, (api, r) -> r.header("Authorization", "Bearer " + JWT)),
        JWT_AND_KEY(Status.UNAUTHORIZED_401, Reason.AMBIGUOUS_CREDENTIALS, REQUEST_KINDS,
                (api, r) -> r.header("Authorization", "Bearer " + JWT).header("x-api-key", ApiKeys.ACME)),
        KEY_IN_AUTHORIZATION_AND_JWT_IN_A_COOKIE(Status.UNAUTHORIZED_401, Reason.AMBIGUOUS_CREDENTIALS, REQUEST_KINDS,
                (api, r) -> r.header("Authorization", ApiKeys.ACME).cookie("access_token", JWT)),
        TWO_DIFFERENT_KEYS(Status.UNAUTHORIZED_401, Reason.AMBIGUOUS_CREDENTIALS, REQUEST_KINDS,
                (api, r) -> r.header("x-api-key", ApiKeys.ACME).header("Authorization", ApiKeys.ACME_NEXT)),
        SAME_KEY_IN_TWO_SOURCES(Status.ALLOWED, Reason.ROUTE_ALLOWED, REQUEST_KINDS,
                (api, r) -> r.header("x-api-key", ApiKeys.ACME).header("Authorization", "Bearer " + ApiKeys.ACME)),
        NEITHER(Status.UNAUTHORIZED_401, Reason.MISSING_TOKEN, EVERY_KIND, (api, r) -> r);

        final Status expected;
        final Reason reason;
        final Predicate<Api> appliesTo;
        final BiFunction<Api, AuthorizerEvents, AuthorizerEvents> request;

        Case(Status expected, Reason reason, Predicate<Api> appliesTo, BiFunction<Api, AuthorizerEvents, AuthorizerEvents> request) {
            this.expected = expected;
            this.reason = reason;
            this.appliesTo = appliesTo;
            this.request = request;
        }

        AuthorizerEvents applyTo(Api api) {
            return request.apply(api, api.request());
        }
    }

    /** Where this kind of API carries an API key in these tests. */
    static AuthorizerEvents key(Api api, AuthorizerEvents request, String key) {
        return request.header(api.kind == ApiKind.REST_TOKEN ? "Authorization" : "x-api-key", key);
    }

    /** The kind's request carrying the key, answered by a handler on this authorizer. */
    static ApiGateway.Response callWithKey(Authorizer authorizer, Api api, String key) {
        AuthorizerEvents request = key(api, api.request(), key);
        return ApiGateway.invoke(new AuthorizerHandler(authorizer), request.build(), request.arn(), api.simpleResponses);
    }

    /** The status API Gateway gives and the reason the decision line names. */
    static void assertAnswer(Status status, Reason reason, ApiGateway.Response response, String what) {
        assertEquals(status, response.status(), () -> what + ": " + response.answer());
        assertEquals(reason.name(), response.decision().path("reason").asText(), what);
    }

    static Stream<Arguments> everyKindAndCase() {
        return Stream.of(Api.values()).flatMap(api -> Stream.of(Case.values())
                .filter(c -> c.appliesTo.test(api))
                .map(c -> Arguments.of(api, c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyKindAndCase")
    void everyKindGivesTheSameOutcome(Api api, Case c) {
        AuthorizerEvents request = c.applyTo(api);
        ApiGateway.Response response = call(api, request);
        String what = api + ", " + c + ": ";
        assertEquals(c.expected, response.status(), () -> what + "answer " + response.answer());
        assertEquals(c.reason.name(), response.decision().path("reason").asText(), what + "reason");
        assertEquals(api.kind.name(), response.decision().path("api").asText(), what + "the decision log names the kind");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRightKeyGetsItsEntrysPrincipalContextAndUsageKey(Api api) {
        ApiGateway.Response response = call(api, key(api, api.request(), ApiKeys.ACME));
        Map<String, Object> answer = response.answer();
        String what = api + ": " + answer;
        assertEquals(Status.ALLOWED, response.status(), what);
        Map<String, Object> context = Map.of("tenant", "acme", "tier", 2, "apiKeyId", "acme-2026-11");
        if (api.simpleResponses) {
            Map<String, Object> withPrincipal = new LinkedHashMap<>(context);
            withPrincipal.put("principalId", "partner-acme");
            assertEquals(Map.of("isAuthorized", true, "context", withPrincipal), answer, what);
        } else {
            assertEquals("partner-acme", answer.get("principalId"), what);
            assertEquals(context, answer.get("context"), what);
            if (api.kind.hasUsagePlans()) {
                assertEquals("usage-acme", answer.get("usageIdentifierKey"), what);
            } else {
                assertFalse(answer.containsKey("usageIdentifierKey"), what);
            }
        }
        assertEquals("api_key", response.decision().path("credential").asText(), what);
        assertEquals("acme-2026-11", response.decision().path("apiKeyId").asText(), what);
        assertEquals("partner-acme", response.decision().path("principal").asText(), what);
        assertTrue(response.decision().path("tokenHash").isMissingNode(), what + ": an API key has no tokenHash");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aJwtIsStillLoggedAsAJwt(Api api) {
        ApiGateway.Response response = call(api, api.request().header("Authorization", "Bearer " + JWT));
        assertEquals("jwt", response.decision().path("credential").asText(), api.name());
        assertEquals(16, response.decision().path("tokenHash").asText().length(), api.name());
        assertTrue(response.decision().path("apiKeyId").isMissingNode(), api.name());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRightKeyWithoutTheRouteGetsNoAllowForIt(Api api) {
        ApiGateway.Response response = call(api, key(api, api.request(), ApiKeys.WRITER));
        String what = api + ": " + response.answer();
        assertEquals(Status.FORBIDDEN_403, response.status(), what);
        if (api.simpleResponses) {
            assertEquals(Map.of("isAuthorized", false), response.answer(), what);
        } else {
            assertEquals("cron-writer", response.answer().get("principalId"), what);
            assertNotNull(response.answer().get("policyDocument"), what);
        }
        assertEquals("writer-1", response.decision().path("apiKeyId").asText(), what);
    }

    @Test
    void noLogLineHoldsAKeyOrItsDigest() {
        List<String> material = new ArrayList<>();
        for (String key : List.of(ApiKeys.ACME, ApiKeys.ACME_NEXT, ApiKeys.WRITER)) {
            material.addAll(ApiKeys.material(key));
        }
        String log = LogCapture.capture(() -> {
            AuthorizerHandler simple = handler("simple");
            AuthorizerHandler policy = handler("policy");
            everyKindAndCase().forEach(arguments -> {
                Api api = (Api) arguments.get()[0];
                Map<String, Object> event = Events.fromJson(Tokens.json(((Case) arguments.get()[1]).applyTo(api).build()));
                try {
                    (api.simpleResponses ? simple : policy).handleRequest(event, null);
                } catch (RuntimeException expected) {
                    // 401s and 403s are the point here; only the log is looked at.
                }
            });
        });
        assertTrue(log.contains("\"apiKeyId\":\"acme-2026-11\""), "the decisions were logged");
        for (String secret : material) {
            assertFalse(log.contains(secret), "the log holds key material " + secret.substring(0, 8) + "...");
        }
    }

    private static ApiGateway.Response call(Api api, AuthorizerEvents request) {
        AuthorizerHandler handler = api.simpleResponses ? SIMPLE : POLICY;
        return ApiGateway.invoke(handler, request.build(), request.arn(), api.simpleResponses);
    }

    private static AuthorizerHandler handler(String httpApiResponse) {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(ISSUER_KEY));
        env.put("JWT_RULES", "[{\"allow\":[\"GET /books/*\",\"$connect\"]}]");
        env.put("JWT_TOKEN_SOURCES", "header:Authorization,cookie:access_token");
        env.put("JWT_API_KEYS", KEY_LIST);
        env.put("JWT_API_KEY_SOURCES", "header:x-api-key,header:Authorization");
        env.put("JWT_HTTP_API_RESPONSE", httpApiResponse);
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }
}
