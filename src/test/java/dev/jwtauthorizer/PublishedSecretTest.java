package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.PublishedNumbers;
import dev.jwtauthorizer.keys.VerificationKey;
import dev.jwtauthorizer.support.FakeCredentials;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.SecretsManagerFake;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An HMAC secret that holds the numbers of a public key from any configured key set is refused,
 * wherever the key set or the secret comes from and whenever they arrive: with RS and HS both
 * allowed, whoever reads the key set could otherwise sign HS tokens with it.
 */
class PublishedSecretTest {
    /** The modulus of TestKeys.RSA ("rsa-1"), as the key set publishes it. */
    private static final String N = (String) TestKeys.jwk(TestKeys.RSA, "rsa-1").get("n");

    private JwksServer keys;
    private SecretsManagerFake secretsManager;

    @BeforeEach
    void start() throws Exception {
        keys = new JwksServer().serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        secretsManager = new SecretsManagerFake();
    }

    @AfterEach
    void stop() {
        keys.close();
        secretsManager.close();
    }

    private static String hs256(String secret) {
        return Tokens.claims().sign(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static Reason reason(Authorizer authorizer, String token) {
        return authorizer.authorize("Bearer " + token, Tokens.METHOD_ARN).reason();
    }

    private Map<String, String> remoteKeysAndSecret(String secret) {
        Map<String, String> env = TestEnv.withJwksUri(keys.url());
        env.put("JWT_ALGORITHMS", "RS256,HS256");
        env.put("JWT_HMAC_SECRET", secret);
        return env;
    }

    @Test
    void aSecretHoldingAFetchedKeysModulusStopsTheStartInAnySpelling() {
        byte[] modulus = Base64.getUrlDecoder().decode(N);
        String colonHex = HexFormat.ofDelimiter(":").formatHex(modulus).replaceAll("(.{45})", "$1\n    ");
        for (String secret : new String[] {N, "key-" + N, HexFormat.of().formatHex(modulus), new BigInteger(1, modulus).toString(),
                "00:" + colonHex}) {
            ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(remoteKeysAndSecret(secret)));
            assertEquals("JWT_HMAC_SECRET", e.variable());
            assertTrue(e.getMessage().contains("contains the RSA modulus of key \"rsa-1\""), e.getMessage());
            assertFalse(e.getMessage().contains(N.substring(0, 20)), "the message quotes the secret");
        }
    }

    @Test
    void theNumbersAreFoundWhateverTheirSpelling() {
        byte[] modulus = Base64.getUrlDecoder().decode(N);
        byte[] withZero = new BigInteger(1, modulus).toByteArray();
        byte[] reversed = new byte[modulus.length];
        for (int i = 0; i < modulus.length; i++) {
            reversed[i] = modulus[modulus.length - 1 - i];
        }
        StringBuilder byteList = new StringBuilder();
        for (byte b : modulus) {
            byteList.append(byteList.length() == 0 ? "" : ",").append(String.format("0x%02x", b));
        }
        String decimal = new BigInteger(1, modulus).toString();
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < decimal.length(); i++) {
            grouped.append(i > 0 && (decimal.length() - i) % 3 == 0 ? "," : "").append(decimal.charAt(i));
        }
        String base64 = Base64.getEncoder().encodeToString(modulus);
        Map<String, Object> ec = TestKeys.jwk(TestKeys.EC256, "ec-1");
        byte[] x = Base64.getUrlDecoder().decode((String) ec.get("x"));
        byte[] y = Base64.getUrlDecoder().decode((String) ec.get("y"));
        byte[] point = new byte[x.length + y.length];
        System.arraycopy(x, 0, point, 0, x.length);
        System.arraycopy(y, 0, point, x.length, y.length);
        String jwks = TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"), ec);
        for (String secret : new String[] {Base64.getEncoder().encodeToString(withZero), HexFormat.ofDelimiter("-").formatHex(modulus),
                HexFormat.of().formatHex(reversed), base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"),
                grouped.toString(), byteList.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(point),
                HexFormat.ofDelimiter(" ").withUpperCase().formatHex(modulus)}) {
            Map<String, String> env = TestEnv.withJwks(jwks);
            env.put("JWT_ALGORITHMS", "RS256,ES256,HS256");
            env.put("JWT_HMAC_SECRET", secret);
            ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env), secret);
            assertTrue(e.getMessage().contains("contains the RSA modulus of key \"rsa-1\"")
                    || e.getMessage().contains("contains an EC coordinate of key \"ec-1\""), e.getMessage());
        }
    }

    @Test
    void randomSecretsInEveryTextFormAreNeverTakenForKeys() {
        List<VerificationKey> keys = List.of(
                new VerificationKey("rsa-1", KeyFamily.RSA, null, null, null, null, TestKeys.RSA.getPublic()),
                new VerificationKey("rsa-2", KeyFamily.RSA, null, null, null, null, TestKeys.RSA_2.getPublic()),
                new VerificationKey("ec-1", KeyFamily.EC, "P-256", null, null, null, TestKeys.EC256.getPublic()));
        Random random = new Random(21);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[32 + random.nextInt(96)];
            random.nextBytes(bytes);
            for (String text : List.of(HexFormat.of().formatHex(bytes), HexFormat.ofDelimiter(":").formatHex(bytes),
                    Base64.getEncoder().encodeToString(bytes), new BigInteger(1, bytes).toString())) {
                assertNull(PublishedNumbers.within(keys, text, bytes), text);
            }
        }
    }

    @Test
    void aKeySetThatArrivesAfterTheStartStillRefusesTheSecretItHolds() {
        keys.fail(503);
        String secret = "key-" + N;
        AtomicLong nanos = new AtomicLong();
        Authorizer authorizer = LogCapture.discard(() -> Authorizer.create(AuthorizerConfig.fromEnvironment(
                remoteKeysAndSecret(secret)), Clock.systemUTC(), nanos::get, Runnable::run));
        // Until the key set has been seen, the secret cannot be cleared of its keys: closed, not open.
        assertEquals(Reason.KEY_SET_UNAVAILABLE, LogCapture.discard(() -> reason(authorizer, hs256(secret))));
        keys.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        // An HS token first: it loads the key set itself, then finds its modulus in the secret.
        String log = LogCapture.capture(() -> assertEquals(Reason.SECRET_UNAVAILABLE, reason(authorizer, hs256(secret))));
        assertEquals(Reason.ROUTE_ALLOWED, reason(authorizer, Tokens.rs256(TestKeys.RSA, "rsa-1")));
        assertTrue(log.contains("\"hmac_secret_refused\"") && log.contains("the RSA modulus of key \\\"rsa-1\\\""), log);
        assertFalse(log.contains(N.substring(0, 20)), log);
    }

    @Test
    void aSecretFromSecretsManagerHoldingTheModulusIsRefusedAtStartAndAfterARotation() {
        FakeCredentials credentials = FakeCredentials.temporary();
        secretsManager.accept(credentials).secret("prod/jwt", "key-" + N);
        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        env.put("JWT_ALGORITHMS", "RS256,HS256");
        env.put("JWT_JWKS_URI", keys.url());
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
        assertEquals("JWT_HMAC_SECRET_ID", e.variable());

        String good = "a-random-secret-of-its-own-0123456789-abcdef";
        secretsManager.secret("prod/jwt", good);
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        assertEquals(Reason.ROUTE_ALLOWED, reason(authorizer, hs256(good)));
        // Rotated to a published value: HS tokens fail from the next load on; RS tokens go on.
        secretsManager.secret("prod/jwt", N);
        LogCapture.discard(() -> {
            authorizer.afterRestore();
            return null;
        });
        assertEquals(Reason.SECRET_UNAVAILABLE, reason(authorizer, hs256(N)));
        assertEquals(Reason.ROUTE_ALLOWED, reason(authorizer, Tokens.rs256(TestKeys.RSA, "rsa-1")));
    }

    @Test
    void anotherIssuersPublishedKeyIsNoSecretEither() {
        String jwks = TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"));
        String issuers = "[{\"issuer\":\"https://rs.example\",\"audiences\":\"a\",\"jwks\":" + jwks + "},"
                + "{\"issuer\":\"https://hs.example\",\"audiences\":\"a\",\"algorithms\":\"HS256\",\"hmacSecret\":\"k-" + N + "\"}]";
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", issuers)));
        assertTrue(e.getMessage().contains("contains the RSA modulus of key \"rsa-1\""), e.getMessage());
    }
}
