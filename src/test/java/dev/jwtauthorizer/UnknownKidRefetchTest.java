package dev.jwtauthorizer;

import static dev.jwtauthorizer.support.Gateway.answer;
import static dev.jwtauthorizer.support.NimbusTokens.jwks;
import static dev.jwtauthorizer.support.NimbusTokens.rsa;
import static dev.jwtauthorizer.support.NimbusTokens.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key published after the last fetch, whatever caused that fetch, is learned on its first use; a
 * flood of random kids costs at most one extra fetch per cooldown and delays a real rotation by at
 * most one cooldown. Through the Lambda handler, on a clock of key ages and cooldowns the test moves.
 */
class UnknownKidRefetchTest {
    private static final Duration COOLDOWN = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final RSAKey CURRENT = rsa("current");
    private static final RSAKey PUBLISHED_LATER = rsa("published-later");
    private static final RSAKey ATTACKER = rsa("attacker");

    private final AtomicLong nanos = new AtomicLong();
    /** Background refreshes wait here until the test runs them. */
    private final Deque<Runnable> background = new ArrayDeque<>();
    private JwksServer server;
    private Authorizer authorizer;

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer().serve(jwks(CURRENT));
        Map<String, String> env = TestEnv.withJwksUri(server.url());
        env.put("JWT_JWKS_REFRESH_COOLDOWN_SECONDS", String.valueOf(COOLDOWN.toSeconds()));
        env.put("JWT_KEYS_MAX_AGE_SECONDS", String.valueOf(MAX_AGE.toSeconds()));
        authorizer = Authorizer.create(AuthorizerConfig.fromEnvironment(env), Clock.systemUTC(), nanos::get,
                background::add);
        assertEquals(1, server.requests());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private void publish() {
        server.serve(jwks(CURRENT, PUBLISHED_LATER));
    }

    private void refuseAll(List<String> tokens) {
        LogCapture.discard(() -> {
            tokens.forEach(token -> assertEquals("401", answer(authorizer, token)));
            return null;
        });
    }

    @Test
    void aKeyPublishedRightAfterTheFetchAtStartIsAllowedOnItsFirstRequest() {
        publish();
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(2, server.requests());
    }

    @Test
    void aKeyPublishedRightAfterABackgroundRefreshIsAllowedOnItsFirstRequest() {
        advance(MAX_AGE);
        assertEquals("Allow", answer(authorizer, token(CURRENT)));
        background.poll().run();
        assertEquals(2, server.requests());
        publish();
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(3, server.requests());
    }

    @Test
    void aKeyPublishedRightAfterARestoreIsAllowedOnItsFirstRequest() {
        LogCapture.discard(() -> {
            authorizer.afterRestore();
            return null;
        });
        assertEquals(2, server.requests());
        publish();
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(3, server.requests());
    }

    @Test
    void aKeyPublishedRightAfterAnotherUnknownKidsFetchWaitsAtMostOneCooldown() {
        assertEquals("401", answer(authorizer, token(JWSAlgorithm.RS256, ATTACKER, "random")));
        assertEquals(2, server.requests());
        publish();
        assertEquals("401", answer(authorizer, token(PUBLISHED_LATER)));
        advance(COOLDOWN);
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(3, server.requests());
    }

    @Test
    void aKeyPublishedLongAfterTheLastFetchIsAllowedOnItsFirstRequest() {
        advance(MAX_AGE.minusSeconds(1));
        publish();
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(2, server.requests());
    }

    @Test
    void floodsOfRandomKidsCostAtMostOneExtraFetchPerCooldownAndDelayARotationByAtMostOne() {
        List<String> flood = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            flood.add(token(JWSAlgorithm.RS256, ATTACKER, UUID.randomUUID().toString()));
        }
        refuseAll(flood);
        assertEquals(2, server.requests(), "one extra fetch in this cooldown");
        // The provider rotates a key in during the flood: it waits for this cooldown to pass, no longer.
        publish();
        refuseAll(flood);
        assertEquals("401", answer(authorizer, token(PUBLISHED_LATER)));
        assertEquals(2, server.requests());
        advance(COOLDOWN);
        assertEquals("Allow", answer(authorizer, token(PUBLISHED_LATER)));
        refuseAll(flood);
        assertEquals(3, server.requests());
        advance(COOLDOWN);
        refuseAll(flood);
        assertEquals(4, server.requests());
        assertEquals("Allow", answer(authorizer, token(CURRENT)));
    }
}
