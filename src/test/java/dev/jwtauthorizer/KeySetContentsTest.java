package dev.jwtauthorizer;

import static dev.jwtauthorizer.support.Gateway.answer;
import static dev.jwtauthorizer.support.NimbusTokens.ec;
import static dev.jwtauthorizer.support.NimbusTokens.jwks;
import static dev.jwtauthorizer.support.NimbusTokens.rsa;
import static dev.jwtauthorizer.support.NimbusTokens.token;
import static dev.jwtauthorizer.support.NimbusTokens.withKid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.Tokens;
import java.io.IOException;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What in a fetched key set serves, end to end through the Lambda handler against a key set on
 * 127.0.0.1, with keys and tokens made by nimbus: a key that cannot be imported is skipped and the
 * rest serves; a set left with no usable key is a failed fetch; keys sharing a kid are all tried.
 */
class KeySetContentsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RSAKey GOOD = rsa("good");
    private static final RSAKey ROTATED = rsa("rotated");
    private static final RSAKey ATTACKER = rsa("k1");
    private static final ECKey EC = ec(Curve.P_256, "k1");
    private static final ECKey EC_ATTACKER = ec(Curve.P_256, "k1");
    /** A P-384 point labelled P-256: its coordinates do not fit the curve it names. */
    private static final Map<String, Object> BAD_EC = badEc();

    private final AtomicLong nanos = new AtomicLong();
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

    private static Map<String, Object> badEc() {
        Map<String, Object> jwk = new LinkedHashMap<>(ec(Curve.P_384, "bad-ec").toPublicJWK().toJSONObject());
        jwk.put("crv", "P-256");
        return jwk;
    }

    private Map<String, String> env() {
        Map<String, String> env = TestEnv.withJwksUri(server.url());
        env.put("JWT_ALGORITHMS", "RS256,ES256");
        return env;
    }

    /** The authorizer, on a clock of key ages and cooldowns that the test moves; its start's log goes to {@code log}. */
    private Authorizer authorizer(StringBuilder log) {
        Authorizer[] made = new Authorizer[1];
        log.append(LogCapture.capture(() -> made[0] = Authorizer.create(AuthorizerConfig.fromEnvironment(env()),
                Clock.systemUTC(), nanos::get, background::add)));
        return made[0];
    }

    private static List<JsonNode> events(String log, String event) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : log.split("\n")) {
            try {
                JsonNode json = MAPPER.readTree(line);
                if (json != null && event.equals(json.path("event").asText())) {
                    found.add(json);
                }
            } catch (IOException notJson) {
                // only the named events matter
            }
        }
        return found;
    }

    // One bad key does not poison the set

    @ParameterizedTest(name = "Amazon Corretto Crypto Provider installed: {0}")
    @ValueSource(booleans = {false, true})
    void aKeyThatCannotBeImportedIsSkippedWithItsKidAndTheGoodKeyServes(boolean corretto) {
        if (corretto) {
            AmazonCorrettoCryptoProvider.install();
        }
        try {
            server.serve(jwks(BAD_EC, GOOD));
            StringBuilder log = new StringBuilder();
            Authorizer authorizer = authorizer(log);
            assertEquals("Allow", answer(authorizer, token(GOOD)));
            List<JsonNode> skipped = events(log.toString(), "jwks_key_skipped");
            assertEquals(1, skipped.size(), log.toString());
            assertEquals("bad-ec", skipped.get(0).path("kid").asText());
            assertEquals("\"x\" is 48 bytes; a P-256 coordinate has at most 32", skipped.get(0).path("why").asText());
        } finally {
            Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
        }
    }

    @Test
    void aKeyRotatedInBesideABadKeyIsLearnedOnItsFirstUse() {
        server.serve(jwks(BAD_EC, GOOD));
        Authorizer authorizer = authorizer(new StringBuilder());
        server.serve(jwks(BAD_EC, GOOD, ROTATED));
        assertEquals("Allow", answer(authorizer, token(ROTATED)));
        assertEquals("Allow", answer(authorizer, token(GOOD)));
        assertEquals(2, server.requests());
    }

    @Test
    void aKeyPublishedWithItsPrivatePartsIsSkippedAndItsTokensAreRefused() {
        server.serve(jwks(GOOD, ROTATED.toJSONObject()));
        StringBuilder log = new StringBuilder();
        Authorizer authorizer = authorizer(log);
        List<JsonNode> skipped = events(log.toString(), "jwks_key_skipped");
        assertEquals("rotated", skipped.get(0).path("kid").asText());
        assertEquals("private key material published", skipped.get(0).path("why").asText());
        assertEquals("401", answer(authorizer, token(ROTATED)));
        assertEquals("Allow", answer(authorizer, token(GOOD)));
    }

    @Test
    void aSetThatBecomesEmptyOrUnusableIsAFailedFetchAndTheLastGoodSetServes() {
        server.serve(jwks(GOOD));
        Authorizer authorizer = authorizer(new StringBuilder());
        List<String> unusable = List.of("{\"keys\":[]}", jwks(BAD_EC), jwks(GOOD.toJSONObject()));
        for (String document : unusable) {
            server.serve(document);
            nanos.addAndGet(Duration.ofSeconds(30).toNanos());
            int before = server.requests();
            // A token with a kid the set lacks makes the authorizer look again: it finds nothing usable.
            String log = LogCapture.capture(() -> assertEquals("401", answer(authorizer, token(ROTATED))));
            assertEquals(before + 1, server.requests(), document);
            List<JsonNode> failed = events(log, "keys_fetch_failed");
            assertEquals(1, failed.size(), log);
            assertTrue(failed.get(0).path("why").asText().contains("no usable key in the key set"), log);
            assertTrue(failed.get(0).path("servingLastGood").asBoolean(), log);
            assertEquals("Allow", answer(authorizer, token(GOOD)), document);
        }
        // The refresh due to age finds the same: the last good set goes on serving.
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals("Allow", answer(authorizer, token(GOOD)));
        background.poll().run();
        assertEquals(1 + unusable.size() + 1, server.requests());
        assertEquals("Allow", answer(authorizer, token(GOOD)));
    }

    @Test
    void aSetWithNoUsableKeyAtStartFailsClosedUntilAUsableOneIsServed() {
        server.serve(jwks(BAD_EC));
        Authorizer authorizer = authorizer(new StringBuilder());
        assertEquals("500", answer(authorizer, token(GOOD)));
        server.serve(jwks(BAD_EC, GOOD));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals("Allow", answer(authorizer, token(GOOD)));
    }

    // Keys sharing a kid

    @Test
    void anOldAndANewKeySharingAKidBothVerifyAndAForgeryDoesNot() {
        RSAKey old = withKid(GOOD, "k1");
        RSAKey current = withKid(ROTATED, "k1");
        server.serve(jwks(old, current));
        Authorizer authorizer = authorizer(new StringBuilder());
        assertEquals("Allow", answer(authorizer, token(old)));
        assertEquals("Allow", answer(authorizer, token(current)));
        assertEquals("401", answer(authorizer, token(ATTACKER)));
        assertEquals(Reason.BAD_SIGNATURE, authorizer.authorize("Bearer " + token(ATTACKER), Tokens.METHOD_ARN).reason());
        assertEquals(1, server.requests(), "a bad signature under a known kid causes no fetch");
    }

    @Test
    void anRsaAndAnEcKeySharingAKidEachVerifyTheirOwnAlgorithm() {
        RSAKey rsa = withKid(GOOD, "k1");
        server.serve(jwks(rsa, EC));
        Authorizer authorizer = authorizer(new StringBuilder());
        assertEquals("Allow", answer(authorizer, token(rsa)));
        assertEquals("Allow", answer(authorizer, token(EC)));
        assertEquals("401", answer(authorizer, token(ATTACKER)));
        assertEquals("401", answer(authorizer, token(EC_ATTACKER)));
    }

    @Test
    void aTokenWithoutKidAgainstSeveralKeysIsRefused() {
        server.serve(jwks(GOOD, ROTATED));
        Authorizer authorizer = authorizer(new StringBuilder());
        String noKid = token(JWSAlgorithm.RS256, GOOD, null);
        assertEquals("401", answer(authorizer, noKid));
        assertEquals(Reason.KID_REQUIRED, authorizer.authorize("Bearer " + noKid, Tokens.METHOD_ARN).reason());
    }

    @Test
    void beyondFourKeysSharingAKidTheRestAreSkipped() {
        List<RSAKey> shared = List.of(withKid(GOOD, "k"), withKid(ROTATED, "k"), withKid(ATTACKER, "k"),
                rsa("k"), rsa("k"));
        server.serve(jwks(shared.toArray()));
        StringBuilder log = new StringBuilder();
        Authorizer authorizer = authorizer(log);
        for (int i = 0; i < 4; i++) {
            assertEquals("Allow", answer(authorizer, token(shared.get(i))), "key " + i);
        }
        assertEquals("401", answer(authorizer, token(shared.get(4))));
        List<JsonNode> skipped = events(log.toString(), "jwks_key_skipped");
        assertEquals(1, skipped.size(), log.toString());
        assertEquals("k", skipped.get(0).path("kid").asText());
    }
}
