package dev.jwtauthorizer;

import static dev.jwtauthorizer.support.Tokens.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.Gateway;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where keys come from, end to end through the Lambda handler, against real endpoints on
 * 127.0.0.1: OIDC discovery, several issuers, Cognito user pools and the Secrets extension. Each
 * test checks what the client got (Allow, 403, 401 or 500) and what the servers saw.
 */
class KeysAndIssuersTest {
    private static final String DISCOVERY = "/.well-known/openid-configuration";
    private static final String SECRET = "a-shared-secret-of-more-than-32-bytes!";
    private static final String SECRETS_PATH = "/secretsmanager/get";

    private JwksServer server;

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What API Gateway makes of the handler's answer for the request to METHOD_ARN. */

    private static Reason reason(Authorizer authorizer, String token) {
        return authorizer.authorize("Bearer " + token, METHOD_ARN).reason();
    }

    private static JWTCreator.Builder claims(String issuer, String audience) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create().withIssuer(issuer).withSubject("alice")
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(3600));
        return audience == null ? builder : builder.withAudience(audience);
    }

    private static String rs256(String issuer, String audience, String kid) {
        return claims(issuer, audience).withKeyId(kid).sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    private String discoveryDocument(String issuer, String jwksUri) {
        return Tokens.json(Map.of("issuer", issuer, "jwks_uri", jwksUri, "response_types_supported", List.of("code")));
    }

    // The key set's lifecycle, as a client sees it

    @Test
    void aKeySetUrlsQueryNeverReachesTheLog() {
        // Some key set URLs carry an access key in their query; the log names the URL without it.
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        Map<String, String> env = Map.of("JWT_ISSUER", Tokens.ISSUER, "JWT_AUDIENCE", Tokens.AUDIENCE,
                "JWT_JWKS_URI", server.url() + "?api_key=hunter2");
        String log = LogCapture.capture(() -> assertEquals(Reason.ROUTE_ALLOWED,
                reason(Authorizer.fromEnvironment(env), Tokens.rs256(TestKeys.RSA, "rsa-1"))));
        assertTrue(log.contains("\"source\":\"" + server.url() + "?...\""), log);
        assertFalse(log.contains("hunter2"), log);
    }

    @Test
    void duringAnOutageTheLastGoodSetServesForTheStalenessBoundThenRequestsFailClosed() {
        AtomicLong nanos = new AtomicLong();
        Deque<Runnable> background = new ArrayDeque<>();
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old")));
        Map<String, String> env = new HashMap<>(Map.of("JWT_ISSUER", Tokens.ISSUER, "JWT_AUDIENCE", Tokens.AUDIENCE,
                "JWT_JWKS_URI", server.url(), "JWT_KEYS_MAX_AGE_SECONDS", "600", "JWT_KEYS_MAX_STALE_SECONDS", "3600"));
        Authorizer authorizer = Authorizer.create(AuthorizerConfig.fromEnvironment(env), Clock.systemUTC(), nanos::get,
                background::add);
        String old = Tokens.rs256(TestKeys.RSA, "old");
        String rotated = Tokens.rs256(TestKeys.RSA_2, "new");
        assertEquals("Allow", Gateway.answer(authorizer, old));
        // Rotation: the provider adds a key; the first token signed with it causes one fetch.
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old"), TestKeys.jwk(TestKeys.RSA_2, "new")));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals("Allow", Gateway.answer(authorizer, rotated));
        assertEquals(2, server.requests());
        // Then it withdraws the old key: trusted until the refresh due to age, not after.
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
        nanos.addAndGet(Duration.ofMinutes(10).toNanos());
        assertEquals("Allow", Gateway.answer(authorizer, old));
        background.poll().run();
        assertEquals(3, server.requests());
        assertEquals("401", Gateway.answer(authorizer, old));
        // The endpoint goes down: the last good set serves for an hour after it was fetched, then 500.
        server.fail(503);
        nanos.addAndGet(Duration.ofMinutes(59).toNanos());
        assertEquals("Allow", Gateway.answer(authorizer, rotated));
        background.forEach(Runnable::run);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertEquals("500", Gateway.answer(authorizer, rotated));
        assertEquals("500", Gateway.answer(authorizer, old));
        // Back up: the next attempt after the cooldown restores service.
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals("Allow", Gateway.answer(authorizer, rotated));
        assertEquals("401", Gateway.answer(authorizer, old));
    }

    // OIDC discovery

    @Test
    void withOnlyTheIssuerTheKeySetIsFoundByDiscoveryOnce() {
        String issuer = server.baseUrl();
        server.serve(DISCOVERY, discoveryDocument(issuer, issuer + "/keys"))
                .serve("/keys", TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        Authorizer authorizer = Authorizer.fromEnvironment(Map.of("JWT_ISSUER", issuer, "JWT_AUDIENCE", "api"));
        for (int i = 0; i < 5; i++) {
            assertEquals("Allow", Gateway.answer(authorizer, rs256(issuer, "api", "rsa-1")));
        }
        assertEquals(1, server.requests(DISCOVERY));
        assertEquals(1, server.requests("/keys"));
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsNotTrustedAndItsKeysAreNeverFetched() {
        String issuer = server.baseUrl();
        server.serve(DISCOVERY, discoveryDocument("https://attacker.example", issuer + "/keys"))
                .serve("/keys", TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        String[] result = new String[1];
        String log = LogCapture.capture(() -> {
            Authorizer authorizer = Authorizer.fromEnvironment(Map.of("JWT_ISSUER", issuer, "JWT_AUDIENCE", "api"));
            result[0] = Gateway.answer(authorizer, rs256(issuer, "api", "rsa-1"));
        });
        assertEquals("500", result[0]);
        assertTrue(log.contains("names issuer \\\"https://attacker.example\\\", not the configured " + issuer), log);
        assertTrue(server.requests(DISCOVERY) >= 1);
        assertEquals(0, server.requests("/keys"));
    }

    @Test
    void aDiscoveredKeySetUrlMustBeHttps() {
        String issuer = server.baseUrl();
        server.serve(DISCOVERY, discoveryDocument(issuer, "http://keys.example/jwks.json"));
        String[] result = new String[1];
        String log = LogCapture.capture(() -> result[0] = Gateway.answer(
                Authorizer.fromEnvironment(Map.of("JWT_ISSUER", issuer, "JWT_AUDIENCE", "api")), rs256(issuer, "api", "rsa-1")));
        assertEquals("500", result[0]);
        assertTrue(log.contains("jwks_uri") && log.contains("plain http://"), log);
    }

    @Test
    void aDiscoveredKeySetUrlIsNeverQuotedWithItsPasswordOrQuery() {
        String issuer = server.baseUrl();
        for (String jwksUri : new String[] {"https://svc:Pa55w0rd@keys.example/jwks?api_key=LEAK", "https://svc:Pa55w0rd@keys.example/j wks?api_key=LEAK"}) {
            server.serve(DISCOVERY, discoveryDocument(issuer, jwksUri));
            String[] result = new String[1];
            String log = LogCapture.capture(() -> result[0] = Gateway.answer(
                    Authorizer.fromEnvironment(Map.of("JWT_ISSUER", issuer, "JWT_AUDIENCE", "api")), rs256(issuer, "api", "rsa-1")));
            assertEquals("500", result[0]);
            assertTrue(log.contains("jwks_uri"), log);
            assertFalse(log.contains("Pa55w0rd") || log.contains("LEAK"), log);
        }
    }

    // Several issuers

    @Test
    void eachIssuerIsCheckedWithItsOwnKeysAudiencesAlgorithmsAndRules() throws Exception {
        try (JwksServer other = new JwksServer()) {
            String issuerA = server.baseUrl() + "/a";
            String issuerB = other.baseUrl();
            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "a-1")));
            other.serve(DISCOVERY, discoveryDocument(issuerB, issuerB + "/keys"))
                    .serve("/keys", TestKeys.jwks(TestKeys.jwk(TestKeys.EC256, "b-1")))
                    .serve(SECRETS_PATH, Tokens.json(Map.of("Name", "jwt-c", "SecretString", SECRET)));
            String issuers = Tokens.json(List.of(
                    Map.of("issuer", issuerA, "audiences", List.of("api-a"), "jwksUri", server.url(),
                            "rules", List.of(Map.of("claim", "scope", "value", "read", "allow", List.of("GET /books/*")))),
                    Map.of("issuer", issuerB, "audiences", "api-b", "algorithms", List.of("ES256"),
                            "rules", List.of(Map.of("claim", "role", "value", "admin", "allow", List.of("* /*")))),
                    Map.of("issuer", "https://c.example", "audiences", "api-c", "algorithms", "HS256", "hmacSecretId", "jwt-c")));
            Map<String, String> env = new HashMap<>();
            env.put("JWT_ISSUERS", issuers);
            env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(other.port()));
            env.put("AWS_SESSION_TOKEN", "session-token");
            env.put("JWT_SECRETS_VIA", "extension");
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            int seenA = server.requests();
            int seenB = other.requests();
            assertEquals(1, seenA);
            assertEquals(3, seenB, "discovery, key set and secret, each once at start");

            String fromA = claims(issuerA, "api-a").withClaim("scope", "read").withKeyId("a-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
            String fromB = claims(issuerB, "api-b").withClaim("role", "admin").withKeyId("b-1").sign(Tokens.algorithm("ES256", TestKeys.EC256));
            String fromC = claims("https://c.example", "api-c").sign(Algorithm.HMAC256(SECRET));
            assertEquals("Allow", Gateway.answer(authorizer, fromA));
            assertEquals("Allow", Gateway.answer(authorizer, fromB));
            assertEquals("Allow", Gateway.answer(authorizer, fromC));
            // A's rules are A's: its token with B's admin claim gets no more than A grants.
            String adminFromA = claims(issuerA, "api-a").withClaim("role", "admin").withKeyId("a-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
            assertEquals("403", Gateway.answer(authorizer, adminFromA));
            // Claiming A but signed with B's key; B's audience on A's token; B's algorithm for A; HS for A.
            String forged = claims(issuerA, "api-a").withKeyId("b-1").sign(Tokens.algorithm("ES256", TestKeys.EC256));
            assertEquals(Reason.ALGORITHM_NOT_ALLOWED, reason(authorizer, forged));
            assertEquals(Reason.UNKNOWN_KID, reason(authorizer, rs256(issuerA, "api-a", "b-1")));
            assertEquals(Reason.WRONG_AUDIENCE, reason(authorizer, rs256(issuerA, "api-b", "a-1")));
            assertEquals(Reason.ALGORITHM_NOT_ALLOWED, reason(authorizer, claims(issuerA, "api-a").sign(Algorithm.HMAC256(SECRET))));
            // Unknown issuers, including near misses, are refused before any key is looked at.
            for (String stranger : List.of("https://stranger.example", issuerA + "/", issuerB + "/", "HTTP" + issuerB.substring(4))) {
                assertEquals("401", Gateway.answer(authorizer, rs256(stranger, "api-a", "a-1")));
                assertEquals(Reason.WRONG_ISSUER, reason(authorizer, rs256(stranger, "api-a", "a-1")));
            }
            assertEquals(seenA + 1, server.requests(), "A's key set: once at start, once more for the kid it lacked (b-1)");
            assertEquals(seenB, other.requests(), "B's discovery, keys and C's secret were fetched once");
        }
    }

    @Test
    void issuerEntriesAreCheckedAtStartWithTheEntryAndFieldNamed() {
        ConfigException unknownField = assertThrows(ConfigException.class, () ->
                AuthorizerConfig.fromEnvironment(Map.of("JWT_ISSUERS", "[{\"issuer\":\"https://a.example\",\"audience\":\"x\"}]")));
        assertEquals("JWT_ISSUERS", unknownField.variable());
        assertTrue(unknownField.getMessage().contains("entry 1 has an unknown field \"audience\""), unknownField.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () ->
                AuthorizerConfig.fromEnvironment(Map.of("JWT_ISSUERS",
                        "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\"},{\"issuer\":\"https://b.example\"}]")));
        assertEquals("JWT_ISSUERS: entry 2, \"audiences\" is required and not set", missing.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () ->
                AuthorizerConfig.fromEnvironment(Map.of("JWT_ISSUERS",
                        "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\"},{\"issuer\":\"https://a.example\",\"audiences\":\"y\"}]")));
        assertTrue(twice.getMessage().contains("appears in more than one entry"), twice.getMessage());
        ConfigException mixed = assertThrows(ConfigException.class, () ->
                AuthorizerConfig.fromEnvironment(Map.of("JWT_AUDIENCE", "x",
                        "JWT_ISSUERS", "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\"}]")));
        assertEquals("JWT_AUDIENCE", mixed.variable());
    }

    @Test
    void anEntryFieldWrittenEmptyStopsTheStartInsteadOfTakingItsDefault() {
        String jwks = TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"));
        // Read as unset, "rules": null would let every token call every route, "tokenTypes": "" accept any typ.
        for (String field : new String[] {"\"rules\":null", "\"rules\":\"\"", "\"rules\":\"  \"", "\"tokenTypes\":null",
                "\"algorithms\":\"\"", "\"jwksUri\":null"}) {
            ConfigException empty = assertThrows(ConfigException.class, () -> AuthorizerConfig.fromEnvironment(Map.of("JWT_ISSUERS",
                    "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\",\"jwks\":" + jwks + "," + field + "}]")), field);
            assertEquals("JWT_ISSUERS", empty.variable(), field);
            assertTrue(empty.getMessage().contains("is null or blank"), empty.getMessage());
        }
        ConfigException noRules = assertThrows(ConfigException.class, () -> AuthorizerConfig.fromEnvironment(Map.of("JWT_ISSUERS",
                "[{\"issuer\":\"https://a.example\",\"audiences\":\"x\",\"jwks\":" + jwks + ",\"rules\":[]}]")));
        assertTrue(noRules.getMessage().contains("empty array, which grants no route"), noRules.getMessage());
    }

    // Amazon Cognito

    private static final String POOL = "eu-west-1_TestPool1";
    private static final String COGNITO_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL;

    private Map<String, String> cognito(String tokenUse) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_COGNITO_USER_POOL_ID", POOL);
        env.put("JWT_AUDIENCE", "client-abc");
        // The pool's real key URL is off this machine; the override is a documented setting.
        env.put("JWT_JWKS_URI", server.url());
        env.put("JWT_RULES", "[{\"claim\":\"cognito:groups\",\"value\":\"readers\",\"allow\":[\"GET /books/*\"]}]");
        if (tokenUse != null) {
            env.put("JWT_COGNITO_TOKEN_USE", tokenUse);
        }
        return env;
    }

    private static String cognitoToken(String tokenUse, String clientId, String audience) {
        JWTCreator.Builder builder = claims(COGNITO_ISSUER, audience).withKeyId("cognito-1")
                .withClaim("token_use", tokenUse).withClaim("scope", "aws.cognito.signin.user.admin")
                .withClaim("cognito:groups", List.of("readers"));
        if (clientId != null) {
            builder.withClaim("client_id", clientId);
        }
        return builder.sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    @Test
    void cognitoAccessTokensAreCheckedByTokenUseAndClientId() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "cognito-1", "use", "sig", "alg", "RS256")));
        Authorizer authorizer = Authorizer.fromEnvironment(cognito(null));
        assertEquals("Allow", Gateway.answer(authorizer, cognitoToken("access", "client-abc", null)));
        assertEquals(Reason.WRONG_CLIENT_ID, reason(authorizer, cognitoToken("access", "client-other", null)));
        assertEquals(Reason.WRONG_CLIENT_ID, reason(authorizer, cognitoToken("access", null, "client-abc")));
        assertEquals(Reason.WRONG_TOKEN_USE, reason(authorizer, cognitoToken("id", null, "client-abc")));
        assertEquals(Reason.WRONG_TOKEN_USE, reason(authorizer, cognitoToken(null, "client-abc", null)));
        assertEquals("401", Gateway.answer(authorizer, cognitoToken("id", null, "client-abc")));
        assertEquals(1, server.requests());
    }

    @Test
    void cognitoIdTokensAreCheckedByTokenUseAndAudience() {
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "cognito-1")));
        Authorizer authorizer = Authorizer.fromEnvironment(cognito("id"));
        assertEquals("Allow", Gateway.answer(authorizer, cognitoToken("id", null, "client-abc")));
        assertEquals(Reason.WRONG_AUDIENCE, reason(authorizer, cognitoToken("id", null, "client-other")));
        assertEquals(Reason.WRONG_TOKEN_USE, reason(authorizer, cognitoToken("access", "client-abc", "client-abc")));
        assertEquals(1, server.requests());
    }

    @Test
    void cognitoIssuerAndKeySetUrlAreDerivedFromThePoolId() {
        Map<String, String> env = cognito(null);
        env.remove("JWT_JWKS_URI");
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        assertEquals(Set.of(COGNITO_ISSUER), config.issuers().get(0).issuers());
        assertEquals(COGNITO_ISSUER + "/.well-known/jwks.json", config.issuers().get(0).keySource().describe());
        env.put("JWT_COGNITO_USER_POOL_ID", "not-a-pool");
        assertEquals("JWT_COGNITO_USER_POOL_ID", assertThrows(ConfigException.class,
                () -> AuthorizerConfig.fromEnvironment(env)).variable());
        env.put("JWT_COGNITO_USER_POOL_ID", POOL);
        env.put("JWT_ISSUER", COGNITO_ISSUER);
        assertEquals("JWT_ISSUER", assertThrows(ConfigException.class,
                () -> AuthorizerConfig.fromEnvironment(env)).variable());
        env.remove("JWT_ISSUER");
        env.put("JWT_COGNITO_TOKEN_USE", "refresh");
        assertEquals("JWT_COGNITO_TOKEN_USE", assertThrows(ConfigException.class,
                () -> AuthorizerConfig.fromEnvironment(env)).variable());
    }

    // HMAC secrets from Secrets Manager, through the extension's endpoint

    private Map<String, String> secretFromExtension() {
        Map<String, String> env = TestEnv.secretFromExtension(server.port());
        env.put("JWT_HMAC_SECRET_ID", "prod/jwt hmac");
        env.put("JWT_JWKS_REFRESH_COOLDOWN_SECONDS", "1");
        return env;
    }

    @Test
    void theSecretIsFetchedOnceThroughTheExtensionWithTheSessionToken() {
        server.serve(SECRETS_PATH, Tokens.json(Map.of("Name", "prod/jwt hmac", "SecretString", SECRET)));
        Authorizer authorizer = Authorizer.fromEnvironment(secretFromExtension());
        for (int i = 0; i < 5; i++) {
            assertEquals("Allow", Gateway.answer(authorizer, Tokens.claims().sign(Algorithm.HMAC256(SECRET))));
        }
        assertEquals("401", Gateway.answer(authorizer, Tokens.claims().sign(Algorithm.HMAC256(SECRET + "x"))));
        assertEquals(1, server.requests(SECRETS_PATH));
        assertEquals("the-session-token", server.lastHeader("x-aws-parameters-secrets-token"));
        assertEquals("secretId=prod%2Fjwt+hmac", server.lastQuery());
    }

    @Test
    void aBinarySecretIsUsedAsItsBytes() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7 - 100);
        }
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretBinary", Base64.getEncoder().encodeToString(secret))));
        Authorizer authorizer = Authorizer.fromEnvironment(secretFromExtension());
        assertEquals("Allow", Gateway.answer(authorizer, Tokens.claims().sign(Algorithm.HMAC256(secret))));
    }

    @Test
    void aSecretThatCannotBeFetchedFailsClosedWithAClearLogLineAndRecovers() throws Exception {
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", SECRET))).fail(400);
        Authorizer[] authorizer = new Authorizer[1];
        String[] result = new String[1];
        String log = LogCapture.capture(() -> {
            authorizer[0] = Authorizer.fromEnvironment(secretFromExtension());
            result[0] = Gateway.answer(authorizer[0], Tokens.claims().sign(Algorithm.HMAC256(SECRET)));
        });
        assertEquals("500", result[0]);
        assertTrue(log.contains("\"event\":\"keys_fetch_failed\"") && log.contains("secret prod/jwt hmac")
                && log.contains("HTTP status 400"), log);
        assertTrue(log.contains("\"reason\":\"SECRET_UNAVAILABLE\""), log);
        assertFalse(log.contains(SECRET), "the secret itself reached the log");
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", SECRET)));
        Thread.sleep(1100);
        assertEquals("Allow", Gateway.answer(authorizer[0], Tokens.claims().sign(Algorithm.HMAC256(SECRET))));
    }

    @Test
    void aSecretTooShortForTheAlgorithmStopsTheStartAndIsNeverUsedAfterARotation() {
        String shortSecret = "only-sixteen-byt";
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", shortSecret)));
        ConfigException atStart = assertThrows(ConfigException.class,
                () -> LogCapture.discard(() -> Authorizer.fromEnvironment(secretFromExtension())));
        assertEquals("JWT_HMAC_SECRET_ID", atStart.variable());
        assertTrue(atStart.getMessage().contains("is 16 bytes; HS256 needs at least 32"), atStart.getMessage());
        assertFalse(atStart.getMessage().contains(shortSecret));

        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", TestKeys.HMAC_SECRET)));
        Authorizer authorizer = LogCapture.discard(() -> Authorizer.fromEnvironment(secretFromExtension()));
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", shortSecret)));
        String log = LogCapture.capture(authorizer::afterRestore);
        assertTrue(log.contains("is 16 bytes; HS256 needs at least 32"), log);
        assertFalse(log.contains(shortSecret));
        assertEquals("Allow", Gateway.answer(authorizer, Tokens.claims().sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET))));
        assertEquals("401", Gateway.answer(authorizer, Tokens.claims().sign(Algorithm.HMAC256(shortSecret.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void withoutASessionTokenTheExtensionIsNotAsked() {
        server.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", SECRET)));
        Map<String, String> env = secretFromExtension();
        env.remove("AWS_SESSION_TOKEN");
        String[] result = new String[1];
        String log = LogCapture.capture(() -> result[0] = Gateway.answer(Authorizer.fromEnvironment(env),
                Tokens.claims().sign(Algorithm.HMAC256(SECRET))));
        assertEquals("500", result[0]);
        assertTrue(log.contains("AWS_SESSION_TOKEN is not set"), log);
        assertEquals(0, server.requests());
    }
}
