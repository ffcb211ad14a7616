package dev.jwtauthorizer;

import static dev.jwtauthorizer.ApiKeysEveryApiKindTest.assertAnswer;
import static dev.jwtauthorizer.ApiKeysEveryApiKindTest.callWithKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.EveryApiKindTest.Api;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.ApiGateway.Status;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys that rotate in a Secrets Manager secret (read here through a loopback fake of the Parameters
 * and Secrets extension), with API keys only: two keys work side by side, a key added works on its
 * first use, a withdrawn key stops once the secret is read again, and an outage is ridden out on the
 * last good list until the staleness limit, then fails closed. Through the real handler, in every
 * kind of API, on a clock of key ages and cooldowns the test moves.
 */
class ApiKeyRotationTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MAX_STALE = Duration.ofHours(1);

    private final AtomicLong nanos = new AtomicLong();
    /** Background refreshes wait here until the test runs them. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private JwksServer extension;

    @BeforeEach
    void start() throws Exception {
        extension = new JwksServer();
        serve(ApiKeys.document(ApiKeys.acmeEntry()));
    }

    @AfterEach
    void stop() {
        extension.close();
    }

    private void serve(String document) {
        extension.serve(ApiKeys.SECRETS_PATH, ApiKeys.getSecretValue(document));
    }

    private Map<String, String> env(Api api) {
        Map<String, String> env = ApiKeys.secretFromExtension(extension.port());
        env.put("JWT_JWKS_REFRESH_COOLDOWN_SECONDS", String.valueOf(COOLDOWN.toSeconds()));
        env.put("JWT_KEYS_MAX_AGE_SECONDS", String.valueOf(MAX_AGE.toSeconds()));
        env.put("JWT_KEYS_MAX_STALE_SECONDS", String.valueOf(MAX_STALE.toSeconds()));
        env.put("JWT_HTTP_API_RESPONSE", api.simpleResponses ? "simple" : "policy");
        return env;
    }

    private Authorizer authorizer(Api api) {
        Authorizer authorizer = LogCapture.discard(() -> Authorizer.create(AuthorizerConfig.fromEnvironment(env(api)),
                Clock.systemUTC(), nanos::get, background::add));
        assertEquals(1, extension.requests(ApiKeys.SECRETS_PATH), "the list is fetched at start");
        return authorizer;
    }


    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void twoActiveKeysWorkSideBySideDuringARotation(Api api) {
        serve(ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry()));
        Authorizer authorizer = authorizer(api);
        ApiGateway.Response current = callWithKey(authorizer, api, ApiKeys.ACME);
        ApiGateway.Response next = callWithKey(authorizer, api, ApiKeys.ACME_NEXT);
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, current, api + " current key");
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, next, api + " next key");
        assertEquals("acme-2026-11", current.decision().path("apiKeyId").asText());
        assertEquals("acme-2027-01", next.decision().path("apiKeyId").asText());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aKeyAddedToTheSecretWorksOnItsFirstUse(Api api) {
        Authorizer authorizer = authorizer(api);
        serve(ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry()));
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME_NEXT), api.name());
        assertEquals(2, extension.requests(ApiKeys.SECRETS_PATH), "one refetch, on the miss");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aFloodOfWrongKeysCostsAtMostOneSecretFetchPerCooldown(Api api) {
        Authorizer authorizer = authorizer(api);
        for (int i = 0; i < 200; i++) {
            assertAnswer(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED,
                    callWithKey(authorizer, api, "jwta_guess-" + i), "guess " + i);
        }
        assertEquals(2, extension.requests(ApiKeys.SECRETS_PATH), "the start's fetch and one refetch for the first miss");
        advance(COOLDOWN);
        assertAnswer(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, callWithKey(authorizer, api, "jwta_guess-after"), "after the cooldown");
        assertEquals(3, extension.requests(ApiKeys.SECRETS_PATH), "one more, once the cooldown has passed");
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), "the right key all along");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aWithdrawnKeyStopsWhenTheSecretIsReadAfterARestore(Api api) {
        serve(ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry()));
        Authorizer authorizer = authorizer(api);
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), api + " before");
        serve(ApiKeys.document(ApiKeys.acmeNextEntry()));
        LogCapture.discard(() -> {
            authorizer.afterRestore();
            return null;
        });
        assertAnswer(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, callWithKey(authorizer, api, ApiKeys.ACME), api + " withdrawn");
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME_NEXT), api + " kept");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aWithdrawnKeyStopsAtTheFirstRefreshDueToAge(Api api) {
        Authorizer authorizer = authorizer(api);
        serve(ApiKeys.document(ApiKeys.acmeNextEntry()));
        advance(MAX_AGE);
        // The list in hand still answers while the refresh it starts runs in the background.
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), api + " until refreshed");
        LogCapture.discard(() -> {
            background.poll().run();
            return null;
        });
        assertAnswer(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, callWithKey(authorizer, api, ApiKeys.ACME), api + " withdrawn");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void theLastGoodKeysServeWhileTheSecretIsDownThenRequestsFailClosed(Api api) {
        Authorizer authorizer = authorizer(api);
        extension.fail(503);
        advance(MAX_AGE);
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), api + " at max age");
        LogCapture.discard(() -> {
            background.poll().run();
            return null;
        });
        advance(MAX_STALE.minus(MAX_AGE).minusSeconds(1));
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), api + " just within staleness");
        advance(Duration.ofSeconds(1));
        ApiGateway.Response stale = callWithKey(authorizer, api, ApiKeys.ACME);
        assertAnswer(Status.ERROR_500, Reason.SECRET_UNAVAILABLE, stale, api + " past staleness");
        serve(ApiKeys.document(ApiKeys.acmeEntry()));
        advance(COOLDOWN);
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), api + " back");
    }

    @Test
    void aSecretThatTurnsUnusableOnRefreshKeepsTheLastGoodList() {
        Api api = Api.REST_REQUEST;
        Authorizer authorizer = authorizer(api);
        for (String unusable : List.of(ApiKeys.ACME, ApiKeys.document(),
                "{\"keys\":[{\"id\":\"a\",\"key\":\"" + ApiKeys.ACME + "\",\"principal\":\"p\",\"allow\":[\"GET /books/*\"]}]}")) {
            extension.serve(ApiKeys.SECRETS_PATH, ApiKeys.getSecretValue(unusable));
            String log = LogCapture.capture(authorizer::afterRestore);
            assertTrue(log.contains("keys_fetch_failed"), log);
            assertFalse(log.contains(ApiKeys.ACME), log);
            assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), "last good list");
        }
    }

    @Test
    void primingRunsTheApiKeyPathWithoutFetchingTheListForIt() {
        Authorizer authorizer = authorizer(Api.REST_TOKEN);
        // Priming itself, without prime()'s installation of the crypto provider, which other tests own.
        String log = LogCapture.capture(() -> Priming.run(authorizer));
        assertTrue(log.contains("\"primed\""), log);
        assertFalse(log.contains("priming_failed"), log);
        assertEquals(1, extension.requests(ApiKeys.SECRETS_PATH), "no fetch for the primer's keys nor the real warm-up");
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, Api.REST_TOKEN, ApiKeys.ACME), "after priming");
    }

    @Test
    void aSecretHoldingOneBareKeyStopsTheStart() {
        serve(ApiKeys.ACME);
        assertStartRefused(ApiKeys.ACME, "bare key", "api-key --id");
    }

    @Test
    void aSecretHoldingAPlaintextKeyStopsTheStart() {
        serve("{\"keys\":[{\"id\":\"a\",\"apiKey\":\"" + ApiKeys.ACME + "\",\"principal\":\"p\",\"allow\":[\"GET /books/*\"]}]}");
        assertStartRefused(ApiKeys.ACME, "plaintext key", "\"apiKey\"");
    }

    private void assertStartRefused(String key, String... said) {
        List<String> logs = new ArrayList<>();
        ConfigException e = assertThrows(ConfigException.class, () -> logs.add(LogCapture.capture(() ->
                Authorizer.create(AuthorizerConfig.fromEnvironment(env(Api.REST_TOKEN)), Clock.systemUTC(), nanos::get,
                        background::add))));
        assertEquals("JWT_API_KEYS_SECRET_ID", e.variable());
        for (String words : said) {
            assertTrue(e.getMessage().contains(words), e.getMessage());
        }
        assertFalse(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void noLogLineOfARotationHoldsAKeyOrItsDigest() {
        List<String> material = new ArrayList<>(ApiKeys.material(ApiKeys.ACME));
        material.addAll(ApiKeys.material(ApiKeys.ACME_NEXT));
        String log = LogCapture.capture(() -> {
            Authorizer authorizer = Authorizer.create(AuthorizerConfig.fromEnvironment(env(Api.REST_TOKEN)),
                    Clock.systemUTC(), nanos::get, background::add);
            AuthorizerHandler handler = new AuthorizerHandler(authorizer);
            serve(ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry()));
            for (String key : List.of(ApiKeys.ACME_NEXT, ApiKeys.ACME, ApiKeys.ACME + "x", "")) {
                try {
                    handler.handleRequest(ApiKeysEveryApiKindTest.key(Api.REST_TOKEN, Api.REST_TOKEN.request(), key).build(), null);
                } catch (RuntimeException expected) {
                    // only the log is looked at
                }
            }
            serve(ApiKeys.ACME_NEXT);
            authorizer.afterRestore();
            extension.fail(503);
            authorizer.afterRestore();
        });
        assertTrue(log.contains("acme-2027-01") && log.contains("keys_fetch_failed"), log);
        for (String secret : material) {
            assertFalse(log.contains(secret), "the log holds key material " + secret.substring(0, 8) + "...");
        }
    }
}
