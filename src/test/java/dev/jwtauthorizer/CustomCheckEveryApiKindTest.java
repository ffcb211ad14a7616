package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauthorizer.EveryApiKindTest.Api;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import dev.jwtauthorizer.extension.CredentialKind;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.ApiGateway.Status;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.AuthorizerEvents;
import dev.jwtauthorizer.support.Checks;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A custom check (JWT_CUSTOM_CHECK) in every kind of API, for JWTs and API keys alike, through the
 * real handler and the Lambda runtime's serializer, judged as API Gateway judges the answer: the
 * check's allow, deny, reject and narrowing reach the client as 200, 403, 401 and 403, and anything
 * else it does fails closed with a 500 whose log names the exception's class, never its message.
 */
class CustomCheckEveryApiKindTest {
    private static final RSAKey ISSUER_KEY = NimbusTokens.rsa("rsa-1");
    private static final String JWT = NimbusTokens.token(ISSUER_KEY);
    private static final String SECRET_MESSAGE = "tenant db password=hunter2 for alice";
    private static final AuthorizerHandler SIMPLE = handler("simple");
    private static final AuthorizerHandler POLICY = handler("policy");

    /** What the request proves itself with. */
    enum Credential {
        JWT, API_KEY;

        AuthorizerEvents on(Api api) {
            AuthorizerEvents request = api.request();
            return this == JWT ? request.header("Authorization", "Bearer " + CustomCheckEveryApiKindTest.JWT)
                    : request.header(api.kind == ApiKind.REST_TOKEN ? "Authorization" : "x-api-key", ApiKeys.ACME);
        }
    }

    /** What the check does, and what API Gateway then answers for GET /books/42 (or $connect), which both credentials are granted. */
    enum Behaviour {
        ALLOW_WITH_CONTEXT(Status.ALLOWED, Reason.ROUTE_ALLOWED, null,
                r -> CheckResult.allow().withContext("plan", "gold").withContext("seats", 7).withContext("trial", false)),
        DENY(Status.FORBIDDEN_403, Reason.CUSTOM_CHECK_DENIED, "wrong_tenant", r -> CheckResult.deny("wrong_tenant")),
        REJECT(Status.UNAUTHORIZED_401, Reason.CUSTOM_CHECK_REJECTED, "denied_subject", r -> CheckResult.reject("denied_subject")),
        NARROW_TO_THIS_ROUTE(Status.ALLOWED, Reason.ROUTE_ALLOWED, null,
                r -> CheckResult.allow().onlyRoutes(List.of("GET /books/42", "$connect"))),
        NARROW_TO_ANOTHER_ROUTE(Status.FORBIDDEN_403, Reason.ROUTE_NOT_ALLOWED, null,
                r -> CheckResult.allow().onlyRoutes(List.of("GET /books/7"))),
        NARROW_BEYOND_THE_GRANT(Status.FORBIDDEN_403, Reason.ROUTE_NOT_ALLOWED, null,
                r -> CheckResult.allow().onlyRoutes(List.of("DELETE /books/42"))),
        THROWS(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> {
            throw new IllegalStateException(SECRET_MESSAGE);
        }),
        THROWS_AN_ERROR(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> {
            throw new AssertionError(SECRET_MESSAGE);
        }),
        OVERFLOWS_ITS_STACK(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> {
            throw new StackOverflowError(SECRET_MESSAGE);
        }),
        // Its message must not reach the platform: an error saying "Unauthorized" would be a 401.
        RUNS_OUT_OF_MEMORY(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> {
            throw new OutOfMemoryError("Unauthorized");
        }),
        FAILS_INSIDE_THE_JVM(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> {
            throw new InternalError(SECRET_MESSAGE);
        }),
        RETURNS_NULL(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> null),
        GIVES_A_BAD_REASON(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null, r -> CheckResult.deny("not allowed: " + SECRET_MESSAGE)),
        NAMES_A_RESERVED_CONTEXT_ENTRY(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null,
                r -> CheckResult.allow().withContext("principalId", "mallory")),
        GIVES_A_BAD_CONTEXT_NAME(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null,
                r -> CheckResult.allow().withContext("tenant id", "acme")),
        GIVES_A_BAD_ROUTE(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null,
                r -> CheckResult.allow().onlyRoutes(List.of("GET books"))),
        GIVES_A_NUMBER_JSON_CANNOT_HOLD(Status.ERROR_500, Reason.CUSTOM_CHECK_FAILED, null,
                r -> CheckResult.allow().withContext("ratio", Double.NaN));

        final Status expected;
        final Reason reason;
        final String checkReason;
        final Function<CheckRequest, CheckResult> check;

        Behaviour(Status expected, Reason reason, String checkReason, Function<CheckRequest, CheckResult> check) {
            this.expected = expected;
            this.reason = reason;
            this.checkReason = checkReason;
            this.check = check;
        }
    }

    static Stream<Arguments> everyKindCredentialAndBehaviour() {
        return Stream.of(Api.values()).flatMap(api -> Stream.of(Credential.values()).flatMap(credential ->
                Stream.of(Behaviour.values()).map(behaviour -> Arguments.of(api, credential, behaviour))));
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @MethodSource("everyKindCredentialAndBehaviour")
    void theCheckDecidesInEveryKindForEveryCredential(Api api, Credential credential, Behaviour behaviour) {
        Checks.script(behaviour.check);
        ApiGateway.Response response = call(api, credential.on(api));
        String what = api + ", " + credential + ", " + behaviour + ": ";
        assertEquals(behaviour.expected, response.status(), () -> what + "answer " + response.answer());
        JsonNode decision = response.decision();
        assertEquals(behaviour.reason.name(), decision.path("reason").asText(), what + "reason");
        assertEquals(behaviour.checkReason == null ? "" : behaviour.checkReason, decision.path("checkReason").asText(), what);
        assertEquals(credential == Credential.JWT ? "jwt" : "api_key", decision.path("credential").asText(), what);
        assertEquals(1, Checks.calls().size(), what + "the check runs once");
        if (behaviour.expected == Status.FORBIDDEN_403) {
            assertForbiddenAsForARouteTheCredentialLacks(api, response, what);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theCheckAddsContextBesideTheClaimsAndTheKeysOwn(Api api) {
        Checks.script(Behaviour.ALLOW_WITH_CONTEXT.check);
        Map<String, Object> added = Map.of("plan", "gold", "seats", 7, "trial", false);
        Map<String, Object> jwtContext = new LinkedHashMap<>(Map.of("sub", "alice"));
        jwtContext.putAll(added);
        assertEquals(jwtContext, context(api, call(api, Credential.JWT.on(api))), api + ", JWT");
        Map<String, Object> keyContext = new LinkedHashMap<>(Map.of("tenant", "acme", "tier", 2, "apiKeyId", "acme-2026-11"));
        keyContext.putAll(added);
        assertEquals(keyContext, context(api, call(api, Credential.API_KEY.on(api))), api + ", API key");
    }

    @ParameterizedTest
    @EnumSource(value = Api.class, names = "HTTP_API_PAYLOAD_2_SIMPLE", mode = EnumSource.Mode.EXCLUDE)
    void narrowingLeavesOnlyTheRoutesKeptInThePolicy(Api api) {
        Checks.script(request -> CheckResult.allow().onlyRoutes(List.of("ANY /books/42", "$connect", "GET /orders/*")));
        ApiGateway.Response response = call(api, Credential.JWT.on(api));
        assertEquals(Status.ALLOWED, response.status(), api.name());
        String stage = api.request().arn().substring(0, api.request().arn().indexOf('/', AuthorizerEvents.ARN_PREFIX.length()) + 1);
        // ANY /books/42 within the granted GET /books/* and DELETE /books/*; GET /orders/* was never granted.
        List<String> expected = api.kind == ApiKind.WEBSOCKET ? List.of(stage + "$connect")
                : List.of(stage + "GET/books/42", stage + "DELETE/books/42");
        assertEquals(expected, allowed(response.answer()), api.name());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theCheckIsToldWhoAndWhat(Api api) {
        Checks.script(request -> CheckResult.allow());
        AuthorizerEvents event = Credential.JWT.on(api);
        call(api, api.kind == ApiKind.REST_TOKEN ? event : event.header("X-Tenant", "acme").query("view", "full"));
        CheckRequest jwt = Checks.calls().get(0);
        assertEquals(CredentialKind.JWT, jwt.credential());
        assertEquals("alice", jwt.principalId());
        assertEquals(Tokens.ISSUER, jwt.claims().get("iss"));
        assertNull(jwt.apiKeyId());
        assertEquals(api.kind.name(), jwt.api());
        assertEquals(api.request().arn(), jwt.methodArn());
        assertEquals(List.of("GET /books/*", "DELETE /books/*", "$connect"), jwt.routes());
        if (api.kind == ApiKind.WEBSOCKET) {
            assertNull(jwt.method());
            assertEquals("$connect", jwt.path());
        } else {
            assertEquals("GET", jwt.method());
            assertEquals("/books/42", jwt.path());
        }
        if (api.kind == ApiKind.REST_TOKEN) {
            assertNull(jwt.header("x-tenant"), "a TOKEN event carries no headers");
        } else {
            assertEquals("acme", jwt.header("x-tenant"), api.name());
            assertEquals("acme", jwt.header("X-TENANT"), api.name());
            assertEquals("full", jwt.queryParameter("view"), api.name());
            assertNull(jwt.queryParameter("View"), "query names are case-sensitive");
        }

        Checks.script(request -> CheckResult.allow());
        call(api, Credential.API_KEY.on(api));
        CheckRequest key = Checks.calls().get(0);
        assertEquals(CredentialKind.API_KEY, key.credential());
        assertEquals("partner-acme", key.principalId());
        assertEquals("acme-2026-11", key.apiKeyId());
        assertEquals(Map.of(), key.claims());
        assertEquals(List.of("GET /books/*", "$connect"), key.routes());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theCheckIsNotCalledForARefusedCredential(Api api) {
        Checks.script(request -> CheckResult.allow());
        String wrongKey = "jwta_bm90LWEta2V5LWFueWJvZHktaXNzdWVkLWV2ZXI";
        ApiGateway.Response wrong = call(api, api.request().header(api.kind == ApiKind.REST_TOKEN ? "Authorization" : "x-api-key", wrongKey));
        assertEquals(Status.UNAUTHORIZED_401, wrong.status());
        assertEquals(Reason.API_KEY_NOT_RECOGNISED.name(), wrong.decision().path("reason").asText());
        ApiGateway.Response forged = call(api, api.request().header("Authorization", "Bearer " + NimbusTokens.token(
                NimbusTokens.withKid(NimbusTokens.rsa("forger"), "rsa-1"))));
        assertEquals(Status.UNAUTHORIZED_401, forged.status());
        assertEquals(Reason.BAD_SIGNATURE.name(), forged.decision().path("reason").asText());
        ApiGateway.Response none = call(api, api.request());
        assertEquals(Reason.MISSING_TOKEN.name(), none.decision().path("reason").asText());
        assertEquals(List.of(), Checks.calls(), api + ": the check never saw a refused credential");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theCheckRunsForARouteTheCredentialLacksAndCannotOpenIt(Api api) {
        Checks.script(request -> CheckResult.allow().onlyRoutes(List.of("ANY /*", "$connect")));
        AuthorizerEvents request = AuthorizerEvents.of(api.kind, "POST", "/admin");
        ApiGateway.Response response = call(api, request.header(api.kind == ApiKind.REST_TOKEN ? "Authorization" : "x-api-key", ApiKeys.ACME));
        if (api.kind == ApiKind.WEBSOCKET) {
            assertEquals(Status.ALLOWED, response.status(), "a WebSocket request is always $connect, which the key grants");
        } else {
            assertEquals(Status.FORBIDDEN_403, response.status(), api.name());
        }
        assertEquals(1, Checks.calls().size(), api + ": a cached answer covers other routes, so the check has its say");
    }

    @Test
    void failuresAreLoggedByTheExceptionsClassNeverItsMessage() {
        String log = LogCapture.capture(() -> {
            for (Behaviour behaviour : List.of(Behaviour.THROWS, Behaviour.THROWS_AN_ERROR, Behaviour.OVERFLOWS_ITS_STACK,
                    Behaviour.RUNS_OUT_OF_MEMORY, Behaviour.GIVES_A_BAD_REASON, Behaviour.RETURNS_NULL)) {
                Checks.script(behaviour.check);
                for (Api api : Api.values()) {
                    try {
                        (api.simpleResponses ? SIMPLE : POLICY).handleRequest(
                                dev.jwtauthorizer.support.Events.fromJson(Tokens.json(Credential.JWT.on(api).build())), null);
                    } catch (RuntimeException expected) {
                        // The 500 is the point of the other tests; here only the log is read.
                    }
                }
            }
        });
        assertTrue(log.contains("\"exception\":\"java.lang.IllegalStateException\""), log);
        assertTrue(log.contains("\"exception\":\"java.lang.AssertionError\""), log);
        assertTrue(log.contains("\"exception\":\"java.lang.StackOverflowError\""), log);
        assertTrue(log.contains("\"exception\":\"java.lang.OutOfMemoryError\""), log);
        assertTrue(log.contains("\"exception\":\"java.lang.IllegalArgumentException\""), log);
        assertTrue(log.contains("the check returned null"), log);
        assertFalse(log.contains("hunter2"), "a message of user code reached the log");
    }

    @Test
    void primingNeverCallsTheCheck() {
        Checks.script(request -> CheckResult.allow());
        String log = LogCapture.capture(() -> Priming.run(Authorizer.fromEnvironment(environment("policy"))));
        assertTrue(log.contains("\"primed\""), log);
        assertEquals(List.of(), Checks.calls(), "priming's throw-away principals reached user code");
    }

    private static void assertForbiddenAsForARouteTheCredentialLacks(Api api, ApiGateway.Response response, String what) {
        if (api.simpleResponses) {
            assertEquals(Map.of("isAuthorized", false), response.answer(), what);
            return;
        }
        String principal = response.decision().path("credential").asText().equals("jwt") ? "alice" : "partner-acme";
        assertEquals(principal, response.answer().get("principalId"), what);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Api api, ApiGateway.Response response) {
        assertEquals(Status.ALLOWED, response.status(), api.name());
        Map<String, Object> context = new LinkedHashMap<>((Map<String, Object>) response.answer().get("context"));
        if (api.simpleResponses) {
            context.remove("principalId");
        }
        return context;
    }

    @SuppressWarnings("unchecked")
    private static List<String> allowed(Map<String, Object> answer) {
        List<String> allowed = new ArrayList<>();
        Map<String, Object> policy = (Map<String, Object>) answer.get("policyDocument");
        for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
            if ("Allow".equals(statement.get("Effect"))) {
                allowed.addAll((List<String>) statement.get("Resource"));
            }
        }
        return allowed;
    }

    private static ApiGateway.Response call(Api api, AuthorizerEvents request) {
        return ApiGateway.invoke(api.simpleResponses ? SIMPLE : POLICY, request.build(), request.arn(), api.simpleResponses);
    }

    private static Map<String, String> environment(String httpApiResponse) {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(ISSUER_KEY));
        env.put("JWT_RULES", "[{\"allow\":[\"GET /books/*\",\"DELETE /books/*\",\"$connect\"]}]");
        env.put("JWT_CONTEXT_CLAIMS", "sub");
        env.put("JWT_API_KEYS", ApiKeys.document(ApiKeys.acmeEntry()));
        env.put("JWT_API_KEY_SOURCES", "header:x-api-key,header:Authorization");
        env.put("JWT_HTTP_API_RESPONSE", httpApiResponse);
        env.put("JWT_CUSTOM_CHECK", Checks.name(Checks.Scripted.class));
        return env;
    }

    private static AuthorizerHandler handler(String httpApiResponse) {
        return new AuthorizerHandler(Authorizer.fromEnvironment(environment(httpApiResponse)));
    }
}
