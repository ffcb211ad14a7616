package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key set against a real JWKS endpoint on 127.0.0.1: what the client got and what the server saw. */
class KeySetOverHttpTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MAX_STALE = Duration.ofHours(1);
    private final AtomicLong clock = new AtomicLong();
    /** Background refreshes wait here until the test runs them, so each step is deterministic. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private JwksServer server;

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private KeySet keySet(Duration timeout) {
        return new KeySet(new HttpKeySource(URI.create(server.url()), timeout, 64 * 1024),
                new KeyLifetime(MAX_AGE, MAX_STALE, COOLDOWN), clock::get, background::add);
    }

    private KeySet keySet() {
        return keySet(Duration.ofSeconds(2));
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void rsaAndEcKeysSideBySide() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.EC256, "ec")));
        KeySet keys = keySet();
        assertTrue(keys.prefetch());
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        assertEquals(KeyFamily.EC, keys.candidates(JwsAlgorithm.ES256, "ec").get(0).family());
        assertEquals(1, server.requests());
    }

    @Test
    void keysAreCachedAcrossRequests() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        for (int i = 0; i < 100; i++) {
            keys.candidates(JwsAlgorithm.RS256, "rsa");
        }
        assertEquals(1, server.requests());
    }

    @Test
    void rotationAddsTheNewKeyAndDropsTheOldOne() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old")));
        KeySet keys = keySet();
        keys.prefetch();
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
        advance(COOLDOWN);
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "new").get(0).family());
        assertEquals(2, server.requests());
        TokenRejectedException old = assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, "old"));
        assertEquals(Reason.UNKNOWN_KID, old.reason());
    }

    @Test
    void aFloodOfRandomKidsCostsOneFetchPerCooldown() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        keys.prefetch();
        for (int round = 0; round < 3; round++) {
            advance(COOLDOWN);
            for (int i = 0; i < 1000; i++) {
                String kid = UUID.randomUUID().toString();
                assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, kid));
            }
        }
        assertEquals(1 + 3, server.requests());
        // The genuine key still works throughout.
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
    }

    @Test
    void afterTheMaximumAgeTheSetIsRefreshedInTheBackgroundAndWithdrawnKeysStopWorking() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old")));
        KeySet keys = keySet();
        keys.prefetch();
        advance(MAX_AGE);
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
        // Requests go on with the current set and do not wait; one refresh is queued, not one per request.
        for (int i = 0; i < 50; i++) {
            assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "old").get(0).family());
        }
        assertEquals(1, server.requests());
        assertEquals(1, background.size());
        background.poll().run();
        assertEquals(2, server.requests());
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "new").get(0).family());
        TokenRejectedException withdrawn = assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, "old"));
        assertEquals(Reason.UNKNOWN_KID, withdrawn.reason());
        // An unknown kid has a budget of its own: the refresh did not spend it, so the set was checked once more.
        assertEquals(3, server.requests());
        assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, "old"));
        assertEquals(3, server.requests(), "the second unknown kid came within the cooldown of the first");
        assertTrue(background.isEmpty());
    }

    @Test
    void theLastGoodSetServesUntilItIsTooStaleThenRequestsFailClosed() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        keys.prefetch();
        server.fail(503);
        advance(MAX_AGE);
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        background.poll().run();
        assertEquals(2, server.requests());
        advance(MAX_STALE.minus(MAX_AGE).minusSeconds(1));
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family(), "still within the staleness bound");
        advance(Duration.ofSeconds(1));
        assertThrows(KeysUnavailableException.class, () -> keys.candidates(JwsAlgorithm.RS256, "rsa"));
        int attempts = server.requests();
        for (int i = 0; i < 100; i++) {
            assertThrows(KeysUnavailableException.class, () -> keys.candidates(JwsAlgorithm.RS256, "rsa"));
        }
        assertEquals(attempts, server.requests(), "at most one attempt per cooldown while down");
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        advance(COOLDOWN);
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        assertEquals(attempts + 1, server.requests());
    }

    @Test
    void concurrentRequestsForAnUnloadedSetShareOneFetch() throws Exception {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"))).delay(300);
        KeySet keys = keySet();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<KeyFamily>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family()));
            }
            for (Future<KeyFamily> answer : answers) {
                assertEquals(KeyFamily.RSA, answer.get(5, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.requests());
    }

    @Test
    void aRequestNeverWaitsForARefreshDueToAge() throws Exception {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = new KeySet(new HttpKeySource(URI.create(server.url()), Duration.ofSeconds(2), 64 * 1024),
                new KeyLifetime(MAX_AGE, MAX_STALE, COOLDOWN), clock::get, KeyCache.daemonThreads());
        keys.prefetch();
        server.delay(1000);
        advance(MAX_AGE);
        long start = System.nanoTime();
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 500, "the request waited " + millis + " ms");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(2, server.requests(), "the background refresh reached the server");
    }

    @Test
    void aFloodOfRandomKidsCannotStarveARealRotation() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        keys.prefetch();
        advance(COOLDOWN);
        // The flood spends this interval's fetch; then the provider rotates a key in.
        for (int i = 0; i < 500; i++) {
            String kid = UUID.randomUUID().toString();
            assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, kid));
        }
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.RSA_2, "rotated")));
        assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, "rotated"));
        // Unlike a shared rate-limit bucket, the flood never costs more than this one interval.
        advance(COOLDOWN);
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rotated").get(0).family());
        assertEquals(3, server.requests());
    }

    @Test
    void aKeyPublishedAfterAnyFetchIsLearnedOnItsFirstUse() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        keys.prefetch();
        // Right after the fetch at start.
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.RSA_2, "after-start")));
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "after-start").get(0).family());
        assertEquals(2, server.requests());
        // Right after a refresh due to age, which came after that unknown kid's fetch.
        advance(MAX_AGE);
        keys.candidates(JwsAlgorithm.RS256, "rsa");
        background.poll().run();
        assertEquals(3, server.requests());
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.RSA_2, "after-refresh")));
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "after-refresh").get(0).family());
        assertEquals(4, server.requests());
        // Right after a restore, which came within the cooldown of that unknown kid's fetch: a restore starts both budgets afresh.
        assertTrue(keys.refreshNow());
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.RSA_2, "after-restore")));
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "after-restore").get(0).family());
        assertEquals(6, server.requests());
    }

    @Test
    void aRequestThatWaitedForAFetchInFlightUsesItsResult() throws Exception {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        List<Thread> threads = new ArrayList<>();
        KeySet keys = new KeySet(new HttpKeySource(URI.create(server.url()), Duration.ofSeconds(2), 64 * 1024),
                new KeyLifetime(MAX_AGE, MAX_STALE, COOLDOWN), clock::get, task -> {
                    Thread thread = new Thread(task);
                    threads.add(thread);
                    thread.start();
                });
        keys.prefetch();
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"), TestKeys.jwk(TestKeys.RSA_2, "new"))).delay(500);
        advance(MAX_AGE);
        keys.candidates(JwsAlgorithm.RS256, "rsa");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.requests() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // The refresh due to age is in flight; the new kid waits for it and finds itself in its result.
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "new").get(0).family());
        threads.get(0).join(5000);
        assertEquals(2, server.requests());
    }

    @Test
    void keysSharingAKidAreAllCandidatesInSetOrderWhenTheyFit() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "k"), TestKeys.jwk(TestKeys.EC256, "k"),
                TestKeys.jwk(TestKeys.RSA_2, "k"), TestKeys.jwk(TestKeys.RSA, "other")));
        KeySet keys = keySet();
        List<VerificationKey> rsa = keys.candidates(JwsAlgorithm.RS256, "k");
        assertEquals(List.of(TestKeys.RSA.getPublic(), TestKeys.RSA_2.getPublic()), rsa.stream().map(VerificationKey::publicKey).toList());
        List<VerificationKey> ec = keys.candidates(JwsAlgorithm.ES256, "k");
        assertEquals(List.of(TestKeys.EC256.getPublic()), ec.stream().map(VerificationKey::publicKey).toList());
        TokenRejectedException mismatch = assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.ES384, "k"));
        assertEquals(Reason.KEY_MISMATCH, mismatch.reason());
        TokenRejectedException noKid = assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, null));
        assertEquals(Reason.KID_REQUIRED, noKid.reason());
        assertEquals(1, server.requests());
    }

    @Test
    void endpointDownBeforeAnyLoadIsUnavailableAndRetriedAfterTheCooldown() {
        server.fail(503);
        KeySet keys = keySet();
        assertFalse(keys.prefetch());
        assertThrows(KeysUnavailableException.class, () -> keys.candidates(JwsAlgorithm.RS256, "rsa"));
        assertEquals(1, server.requests());
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        advance(COOLDOWN);
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        assertEquals(2, server.requests());
    }

    @Test
    void endpointDownAfterALoadKeepsTheLastGoodSet() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
        KeySet keys = keySet();
        keys.prefetch();
        server.fail(500);
        advance(COOLDOWN);
        assertThrows(TokenRejectedException.class, () -> keys.candidates(JwsAlgorithm.RS256, "unknown"));
        assertEquals(KeyFamily.RSA, keys.candidates(JwsAlgorithm.RS256, "rsa").get(0).family());
        assertEquals(2, server.requests());
    }

    @Test
    void slowEndpointTimesOut() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa"))).delay(3000);
        KeySet keys = keySet(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertFalse(keys.prefetch());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2000, "gave up after " + millis + " ms");
        assertEquals(1, server.requests());
    }

    @Test
    void garbageAndOversizedAnswersAreNotKeySets() {
        server.serve("<html>not json</html>");
        assertFalse(keySet().prefetch());
        server.serve("{\"keys\": \"" + "A".repeat(100 * 1024) + "\"}");
        assertFalse(keySet().prefetch());
        assertEquals(2, server.requests());
    }

    @Test
    void jkuAndX5uInATokenCauseNoRequest() throws Exception {
        try (JwksServer attacker = new JwksServer()) {
            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa")));
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            String token = Tokens.claims().withKeyId("rsa")
                    .withHeader(Map.of("jku", attacker.url(), "x5u", attacker.url()))
                    .sign(Tokens.algorithm("RS256", TestKeys.rsa(2048)));
            assertEquals(Reason.BAD_SIGNATURE, authorizer.authorize("Bearer " + token, Tokens.METHOD_ARN).reason());
            assertEquals(0, attacker.requests());
            assertEquals(1, server.requests());
        }
    }

    @Test
    void authorizerAnswers500WhenNoKeySetCanBeLoaded() {
        server.fail(503);
        Map<String, String> env = TestEnv.withJwksUri(server.url());
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        assertEquals(Reason.KEY_SET_UNAVAILABLE,
                authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa"), Tokens.METHOD_ARN).reason());
    }

    @Test
    void tokenFromAnUnknownIssuerCausesNoFetch() {
        server.fail(503);
        Map<String, String> env = TestEnv.withJwksUri(server.url());
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        int atStart = server.requests();
        String token = Tokens.claims().withIssuer("https://stranger.example").withKeyId("x").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        for (int i = 0; i < 10; i++) {
            assertEquals(Reason.WRONG_ISSUER, authorizer.authorize("Bearer " + token, Tokens.METHOD_ARN).reason());
        }
        assertEquals(atStart, server.requests());
    }
}
