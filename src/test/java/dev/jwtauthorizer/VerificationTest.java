package dev.jwtauthorizer;

import static dev.jwtauthorizer.support.Tokens.AUDIENCE;
import static dev.jwtauthorizer.support.Tokens.ISSUER;
import static dev.jwtauthorizer.support.Tokens.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every check of the security checklist, through the authorizer as the handler calls it. */
class VerificationTest {
    private static final String ALL_ASYMMETRIC = "RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512";

    private static Reason decide(Map<String, String> env, String token) {
        return Authorizer.fromEnvironment(env).authorize("Bearer " + token, METHOD_ARN).reason();
    }

    private static Reason decide(String token) {
        return decide(TestEnv.rsa(), token);
    }

    private static Map<String, String> allKeys() {
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(
                TestKeys.jwk(TestKeys.RSA, "rsa"),
                TestKeys.jwk(TestKeys.EC256, "p256"),
                TestKeys.jwk(TestKeys.EC384, "p384"),
                TestKeys.jwk(TestKeys.EC521, "p521")));
        env.put("JWT_ALGORITHMS", ALL_ASYMMETRIC);
        return env;
    }

    @Test
    void validRs256TokenIsAllowed() {
        assertEquals(Reason.ROUTE_ALLOWED, decide(Tokens.rs256(TestKeys.RSA, "rsa-1")));
    }

    @ParameterizedTest
    @CsvSource({"RS256,rsa", "RS384,rsa", "RS512,rsa", "PS256,rsa", "PS384,rsa", "PS512,rsa",
            "ES256,p256", "ES384,p384", "ES512,p521"})
    void everyAsymmetricAlgorithmVerifiesWithItsKey(String alg, String kid) {
        KeyPair pair = switch (kid) {
            case "p256" -> TestKeys.EC256;
            case "p384" -> TestKeys.EC384;
            case "p521" -> TestKeys.EC521;
            default -> TestKeys.RSA;
        };
        String token = Tokens.claims().withKeyId(kid).sign(Tokens.algorithm(alg, pair));
        assertEquals(Reason.ROUTE_ALLOWED, decide(allKeys(), token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void hmacTokensVerifyWithTheConfiguredSecret(String alg) {
        Map<String, String> env = TestEnv.rsa();
        env.remove("JWT_JWKS");
        env.put("JWT_ALGORITHMS", alg);
        env.put("JWT_HMAC_SECRET", TestKeys.HMAC_SECRET);
        byte[] secret = TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
        Algorithm algorithm = switch (alg) {
            case "HS256" -> Algorithm.HMAC256(secret);
            case "HS384" -> Algorithm.HMAC384(secret);
            default -> Algorithm.HMAC512(secret);
        };
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, Tokens.claims().sign(algorithm)));
        assertEquals(Reason.BAD_SIGNATURE, decide(env, Tokens.claims().sign(switch (alg) {
            case "HS256" -> Algorithm.HMAC256(TestKeys.HMAC_SECRET + "x");
            case "HS384" -> Algorithm.HMAC384(TestKeys.HMAC_SECRET + "x");
            default -> Algorithm.HMAC512(TestKeys.HMAC_SECRET + "x");
        })));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE", ""})
    void unsignedTokensAreRejectedInEverySpelling(String alg) {
        String token = Tokens.raw(Map.of("alg", alg, "typ", "JWT"), Tokens.payload(), "");
        // Without a signature segment the token is not even a compact JWS; with one, the alg is refused.
        assertEquals(Reason.MALFORMED_TOKEN, decide(token));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, decide(token + "AAAA"));
    }

    @Test
    void algorithmOutsideTheAllowListIsRejectedEvenWhenValidlySigned() {
        String token = Tokens.claims().withKeyId("rsa-1").sign(Tokens.algorithm("RS512", TestKeys.RSA));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, decide(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rs256", "RS256 ", "RS-256", "RSA256", "HS256"})
    void nearMissAlgorithmNamesAreRejected(String alg) {
        String token = Tokens.raw(Map.of("alg", alg, "kid", "rsa-1"), Tokens.payload(), "AAAA");
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, decide(token));
    }

    @Test
    void rsaPublicKeyUsedAsHmacSecretIsRejected() {
        // Key confusion: HS256 signed with the RSA public key's bytes. HS256 is not allowed by
        // default, and even when it is, the secret comes from configuration, never from a key set.
        byte[] publicKeyBytes = TestKeys.RSA.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKeyBytes)
                + "\n-----END PUBLIC KEY-----\n";
        String token = Tokens.claims().withKeyId("rsa-1").sign(Algorithm.HMAC256(pem.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, decide(token));

        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_ALGORITHMS", "RS256,HS256");
        env.put("JWT_HMAC_SECRET", TestKeys.HMAC_SECRET);
        assertEquals(Reason.BAD_SIGNATURE, decide(env, token));
        assertEquals(Reason.BAD_SIGNATURE, decide(env, Tokens.claims().withKeyId("rsa-1").sign(Algorithm.HMAC256(publicKeyBytes))));
    }

    @Test
    void hmacKeyInTheKeySetIsNeverUsed() throws Exception {
        // Inline, such a set stops the start (config.LocalKeySetRefusalTest); a provider's set is only known at run time.
        String secret = Tokens.b64(TestKeys.HMAC_SECRET);
        try (dev.jwtauthorizer.support.JwksServer server = new dev.jwtauthorizer.support.JwksServer()) {
            server.serve(TestKeys.jwks(Map.of("kty", "oct", "kid", "oct-1", "k", secret), TestKeys.jwk(TestKeys.RSA, "rsa-1")));
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            env.put("JWT_ALGORITHMS", "RS256,HS256");
            env.put("JWT_HMAC_SECRET", "another-secret-that-is-at-least-32-bytes-long");
            String token = Tokens.claims().withKeyId("oct-1").sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET));
            assertEquals(Reason.BAD_SIGNATURE, decide(env, token));
        }
    }

    @Test
    void tamperedPayloadFailsTheSignature() {
        String[] parts = Tokens.rs256(TestKeys.RSA, "rsa-1").split("\\.");
        Map<String, Object> payload = Tokens.payload();
        payload.put("sub", "admin");
        String forged = parts[0] + "." + Tokens.b64(Tokens.json(payload)) + "." + parts[2];
        assertEquals(Reason.BAD_SIGNATURE, decide(forged));
    }

    @Test
    void signatureByAnotherKeyFails() {
        assertEquals(Reason.BAD_SIGNATURE, decide(Tokens.rs256(TestKeys.RSA_2, "rsa-1")));
    }

    @Test
    void allZeroEcdsaSignatureFails() {
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.EC256, "p256")));
        env.put("JWT_ALGORITHMS", "ES256");
        String token = Tokens.raw(Map.of("alg", "ES256", "kid", "p256"), Tokens.payload(), Tokens.b64(new byte[64]));
        assertEquals(Reason.BAD_SIGNATURE, decide(env, token));
    }

    @Test
    void embeddedKeyHeadersNeverHelpAToken() {
        // A token signed by an attacker's key, which it names through jwk, jku and x5u.
        KeyPair attacker = TestKeys.rsa(2048);
        Map<String, Object> header = Map.of("jwk", TestKeys.jwk(attacker, "rsa-1"),
                "jku", "http://127.0.0.1:9/keys", "x5u", "http://127.0.0.1:9/cert");
        String token = Tokens.claims().withKeyId("rsa-1").withHeader(header).sign(Tokens.algorithm("RS256", attacker));
        assertEquals(Reason.BAD_SIGNATURE, decide(token));
    }

    @Test
    void criticalHeaderExtensionsAreRejected() {
        String token = Tokens.claims().withKeyId("rsa-1").withHeader(Map.of("crit", java.util.List.of("exp")))
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, decide(token));
    }

    @Test
    void unknownKidIsRejected() {
        assertEquals(Reason.UNKNOWN_KID, decide(Tokens.rs256(TestKeys.RSA, "rsa-9")));
    }

    @Test
    void kidIsRequiredWhenTheSetHasSeveralKeys() {
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "a"), TestKeys.jwk(TestKeys.RSA_2, "b")));
        assertEquals(Reason.KID_REQUIRED, decide(env, Tokens.claims().sign(Tokens.algorithm("RS256", TestKeys.RSA))));
    }

    @Test
    void tokenWithoutKidUsesTheOnlyKey() {
        assertEquals(Reason.ROUTE_ALLOWED, decide(Tokens.claims().sign(Tokens.algorithm("RS256", TestKeys.RSA))));
    }

    @ParameterizedTest
    @CsvSource({"use,enc", "alg,RS512", "key_ops,"})
    void keyWhoseUseOrAlgDoesNotFitIsNotUsed(String member, String value) {
        Map<String, Object> jwk = new java.util.LinkedHashMap<>(TestKeys.jwk(TestKeys.RSA, "rsa-1"));
        jwk.put(member, member.equals("key_ops") ? java.util.List.of("encrypt") : value);
        assertEquals(Reason.KEY_MISMATCH, decide(TestEnv.withJwks(TestKeys.jwks(jwk)), Tokens.rs256(TestKeys.RSA, "rsa-1")));
    }

    @Test
    void kidNamingAKeyOfTheWrongTypeIsRejected() {
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.EC256, "k1")));
        env.put("JWT_ALGORITHMS", "RS256,ES384");
        assertEquals(Reason.KEY_MISMATCH, decide(env, Tokens.rs256(TestKeys.RSA, "k1")));
        // A P-256 key never verifies ES384.
        assertEquals(Reason.KEY_MISMATCH, decide(env, Tokens.claims().withKeyId("k1").sign(Tokens.algorithm("ES384", TestKeys.EC384))));
    }

    @Test
    void rsaKeysShorterThan2048BitsAreNotTrusted() {
        KeyPair weak = TestKeys.rsa(1024);
        // Beside a good key: a set whose only key is weak has no usable key and stops the start.
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "good"), TestKeys.jwk(weak, "weak")));
        assertEquals(Reason.UNKNOWN_KID, decide(env, Tokens.rs256(weak, "weak")));
    }

    @Test
    void tokenWithoutExpiryIsRejected() {
        String token = Tokens.claims().withExpiresAt((Instant) null).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.MISSING_EXPIRY, decide(token));
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String token = Tokens.claims().withIssuedAt(Instant.now().minusSeconds(7200))
                .withExpiresAt(Instant.now().minusSeconds(60)).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.EXPIRED, decide(token));
    }

    @Test
    void leewayAcceptsARecentlyExpiredToken() {
        String token = Tokens.claims().withExpiresAt(Instant.now().minusSeconds(20)).withKeyId("rsa-1")
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        Map<String, String> env = TestEnv.rsa();
        assertEquals(Reason.EXPIRED, decide(env, token));
        env.put("JWT_LEEWAY_SECONDS", "60");
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, token));
    }

    @Test
    void notBeforeInTheFutureIsRejected() {
        String token = Tokens.claims().withNotBefore(Instant.now().plusSeconds(600)).withKeyId("rsa-1")
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.NOT_YET_VALID, decide(token));
    }

    @Test
    void issuedInTheFutureIsRejected() {
        String token = Tokens.claims().withIssuedAt(Instant.now().plusSeconds(600)).withKeyId("rsa-1")
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.ISSUED_IN_FUTURE, decide(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://issuer.test.example/", "https://ISSUER.test.example", "https://evil.example", ""})
    void issuerMustMatchExactly(String issuer) {
        String token = Tokens.claims().withIssuer(issuer).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.WRONG_ISSUER, decide(token));
    }

    @Test
    void missingIssuerIsRejected() {
        String token = Tokens.claims().withIssuer(null).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.WRONG_ISSUER, decide(token));
    }

    @Test
    void anyConfiguredIssuerIsAccepted() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_ISSUER", "https://other.example, " + ISSUER);
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, Tokens.rs256(TestKeys.RSA, "rsa-1")));
    }

    @Test
    void audienceMustContainAConfiguredOne() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_AUDIENCE", "other-api," + AUDIENCE);
        String several = Tokens.claims().withAudience("x", AUDIENCE).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, several));
        String wrong = Tokens.claims().withAudience("x", "y").withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.WRONG_AUDIENCE, decide(env, wrong));
        String missing = Tokens.claims().withAudience((String[]) null).withKeyId("rsa-1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.WRONG_AUDIENCE, decide(env, missing));
    }

    @Test
    void claimsOfTheWrongJsonTypeAreMalformed() {
        Map<String, Object> payload = Tokens.payload();
        payload.put("exp", "tomorrow");
        assertEquals(Reason.MALFORMED_TOKEN, decide(Tokens.raw(Map.of("alg", "RS256", "kid", "rsa-1"), payload, "AAAA")));
        payload.put("exp", new java.math.BigInteger("99999999999999999999999999"));
        assertEquals(Reason.MALFORMED_TOKEN, decide(Tokens.raw(Map.of("alg", "RS256", "kid", "rsa-1"), payload, "AAAA")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bnVsbA.e30.AAAA", "bm90LWpzb24.e30.AAAA", "W10.e30.AAAA", "e30.W10.AAAA", "e30.bnVsbA.AAAA"})
    void headerThatIsNotAJsonObjectIsMalformed(String token) {
        assertEquals(Reason.MALFORMED_TOKEN, decide(token));
    }

    @Test
    void idTokenIsRefusedWhereAccessTokensAreRequired() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_TOKEN_TYPES", "at+jwt");
        String accessToken = Tokens.claims().withKeyId("rsa-1").withHeader(Map.of("typ", "application/AT+JWT"))
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.ROUTE_ALLOWED, decide(env, accessToken));
        // java-jwt writes typ "JWT" by default, as ID tokens carry.
        assertEquals(Reason.WRONG_TOKEN_TYPE, decide(env, Tokens.rs256(TestKeys.RSA, "rsa-1")));
        String noTyp = Tokens.raw(Map.of("alg", "RS256", "kid", "rsa-1"), Tokens.payload(), "AAAA");
        assertEquals(Reason.WRONG_TOKEN_TYPE, decide(env, noTyp));
    }

    @Test
    void unknownKidSignedByANewKeyIsAcceptedOnceTheRotatedSetIsFetched() throws Exception {
        try (dev.jwtauthorizer.support.JwksServer server = new dev.jwtauthorizer.support.JwksServer()) {
            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old")));
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            env.put("JWT_JWKS_REFRESH_COOLDOWN_SECONDS", "1");
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "old"), METHOD_ARN).reason());
            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
            Thread.sleep(1100);
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA_2, "new"), METHOD_ARN).reason());
            assertEquals(Reason.UNKNOWN_KID, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "old"), METHOD_ARN).reason());
            assertEquals(2, server.requests());
        }
    }
}
