package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.support.Gateway;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A secret from Secrets Manager, through a loopback fake of the Parameters and Secrets extension:
 * the console's key/value shape needs JWT_HMAC_SECRET_JSON_KEY, and the content checks of
 * JWT_HMAC_SECRET apply to the fetched secret, failing it with a reason that never quotes it.
 */
class SecretsManagerSecretTest {
    private static final String SECRETS_PATH = "/secretsmanager/get";
    private static final String SECRET = "k7Qz-a-secret-from-secrets-manager-0123456789";

    private JwksServer extension;

    @BeforeEach
    void start() throws Exception {
        extension = new JwksServer();
    }

    @AfterEach
    void stop() {
        extension.close();
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = TestEnv.secretFromExtension(extension.port());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void answer(Map<String, Object> getSecretValue) {
        extension.serve(SECRETS_PATH, Tokens.json(getSecretValue));
    }

    /** What the authorizer makes of the fetched secret, as its key cache does. */
    private HmacSecret fetchAndParse(Map<String, String> env) throws Exception {
        KeySource source = AuthorizerConfig.fromEnvironment(env).issuers().get(0).hmacSecret();
        return HmacSecret.parse(source.fetch(), Set.of(JwsAlgorithm.HS256));
    }

    private IllegalArgumentException refused(Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fetchAndParse(env));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("k7Qz"), e.getMessage());
        return e;
    }

    private static String hs256(String secret) throws JOSEException {
        long now = System.currentTimeMillis();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("alice")
                .issueTime(new Date(now)).expirationTime(new Date(now + 600_000)).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }


    @Test
    void aKeyValueSecretIsReadThroughItsJsonKey() throws Exception {
        answer(Map.of("Name", "prod/jwt", "SecretString", Tokens.json(Map.of("jwtSecret", SECRET, "note", "rotated 2024"))));
        Authorizer authorizer = Authorizer.fromEnvironment(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret"));
        assertEquals("Allow", Gateway.answer(authorizer, hs256(SECRET)));
        assertEquals("401", Gateway.answer(authorizer, hs256(SECRET + "-not-it")));
        assertEquals(1, extension.requests(SECRETS_PATH));
    }

    @Test
    void aKeyValueSecretWithoutAJsonKeyIsRefusedPointingAtTheSetting() {
        answer(Map.of("SecretString", Tokens.json(Map.of("jwtSecret", SECRET))));
        IllegalArgumentException e = refused(env());
        assertEquals("is a JSON object, not a secret; for a Secrets Manager secret in the key/value shape set "
                + "JWT_HMAC_SECRET_JSON_KEY (hmacSecretJsonKey) to the member that holds it", e.getMessage());
    }

    @Test
    void theConsolesKeyValueSecretOrATrailingNewlineStopsTheStartNamingTheVariableAndTheFix() {
        answer(Map.of("SecretString", Tokens.json(Map.of("jwtSecret", SECRET))));
        ConfigException keyValue = assertThrows(ConfigException.class,
                () -> LogCapture.discard(() -> Authorizer.fromEnvironment(env())));
        assertEquals("JWT_HMAC_SECRET_ID", keyValue.variable());
        assertTrue(keyValue.getMessage().contains("JWT_HMAC_SECRET_JSON_KEY"), keyValue.getMessage());
        assertFalse(keyValue.getMessage().contains("k7Qz"), keyValue.getMessage());

        answer(Map.of("SecretString", SECRET + "\n"));
        ConfigException newline = assertThrows(ConfigException.class,
                () -> LogCapture.discard(() -> Authorizer.fromEnvironment(env())));
        assertEquals("JWT_HMAC_SECRET_ID", newline.variable());
        assertTrue(newline.getMessage().contains("trailing newline"), newline.getMessage());
        assertFalse(newline.getMessage().contains("k7Qz"), newline.getMessage());
    }

    @Test
    void aJsonKeyThatDoesNotFitTheSecretIsRefused() {
        answer(Map.of("SecretString", Tokens.json(Map.of("password", SECRET))));
        assertTrue(refused(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")).getMessage()
                .contains("has no member \"jwtSecret\" (JWT_HMAC_SECRET_JSON_KEY)"));
        answer(Map.of("SecretString", SECRET));
        assertTrue(refused(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")).getMessage()
                .startsWith("the SecretString is not a JSON object, but JWT_HMAC_SECRET_JSON_KEY"));
        answer(Map.of("SecretString", Tokens.json(Map.of("jwtSecret", Map.of("value", SECRET)))));
        assertTrue(refused(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")).getMessage().contains("is not a string"));
        answer(Map.of("SecretBinary", Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))));
        assertTrue(refused(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")).getMessage().startsWith("the secret is binary"));
    }

    @Test
    void aJsonKeyWithoutASecretIdStopsTheStart() {
        Map<String, String> env = env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret");
        env.remove("JWT_HMAC_SECRET_ID");
        env.put("JWT_HMAC_SECRET", SECRET);
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
        assertEquals("JWT_HMAC_SECRET_JSON_KEY", e.variable());
        assertTrue(e.getMessage().contains("is set but JWT_HMAC_SECRET_ID is not"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
        ConfigException entry = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS",
                "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\",\"algorithms\":\"HS256\",\"hmacSecretJsonKey\":\"k\"}]")));
        assertEquals("JWT_ISSUERS: entry 1, \"hmacSecretJsonKey\" is set but \"hmacSecretId\" is not: it names the member "
                + "of a Secrets Manager secret's JSON that holds the HS secret; set \"hmacSecretId\" too, or unset it", entry.getMessage());
    }

    @Test
    void aFetchedSecretWithATrailingNewlineOrBlankIsRefused() {
        answer(Map.of("SecretString", SECRET + "\n"));
        assertTrue(refused(env()).getMessage().contains("remove the trailing newline"));
        answer(Map.of("SecretString", Tokens.json(Map.of("jwtSecret", " " + SECRET))));
        assertTrue(refused(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")).getMessage().contains("starts or ends with whitespace"));
        answer(Map.of("SecretString", "   "));
        assertTrue(refused(env()).getMessage().startsWith("is blank"));
    }

    @Test
    void aFetchedPublicKeyIsRefused() {
        String pem = HmacSecretRefusalTest.pem("PUBLIC KEY", TestKeys.RSA.getPublic().getEncoded());
        answer(Map.of("SecretString", pem));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fetchAndParse(env()));
        assertTrue(e.getMessage().startsWith("looks like a PEM public key"), e.getMessage());
        HmacSecretRefusalTest.assertNeverQuoted(pem, e.getMessage());
        String jwk = Tokens.json(TestKeys.jwk(TestKeys.EC256, "ec-1"));
        answer(Map.of("SecretString", Tokens.json(Map.of("jwtSecret", jwk))));
        e = assertThrows(IllegalArgumentException.class, () -> fetchAndParse(env("JWT_HMAC_SECRET_JSON_KEY", "jwtSecret")));
        assertTrue(e.getMessage().startsWith("looks like a JWK"), e.getMessage());
        answer(Map.of("SecretBinary", Base64.getEncoder().encodeToString(TestKeys.RSA.getPublic().getEncoded())));
        e = assertThrows(IllegalArgumentException.class, () -> fetchAndParse(env()));
        assertTrue(e.getMessage().startsWith("looks like a DER public key"), e.getMessage());
    }
}
