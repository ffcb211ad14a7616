package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JWT_HMAC_SECRET must be a secret: not a published key (with RS and HS both allowed, anyone
 * holding the public key could sign tokens), not blank, not wrapped in whitespace. Each refusal
 * names the variable and what to do, and never quotes the secret.
 */
class HmacSecretRefusalTest {
    /** A self-signed certificate (CN=test.example), as a provider publishes next to its keys. */
    static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIBgzCCASmgAwIBAgIUCP8VhwzGBS+Qqe7jFJgkUbrfW/MwCgYIKoZIzj0EAwIw
            FzEVMBMGA1UEAwwMdGVzdC5leGFtcGxlMB4XDTI2MTEyMjEyMDExNVoXDTM2MTEx
            OTEyMDExNVowFzEVMBMGA1UEAwwMdGVzdC5leGFtcGxlMFkwEwYHKoZIzj0CAQYI
            KoZIzj0DAQcDQgAEmJjvSZzA9a0j66QlG+ADx5/st9jDs8xIr97QZ9E02niCej40
            85FkjufdT37G+6Q43fZaI78g0BVBptsAbKM33aNTMFEwHQYDVR0OBBYEFHEGtGxf
            qmeZLbcDpw/8H16hwHwFMB8GA1UdIwQYMBaAFHEGtGxfqmeZLbcDpw/8H16hwHwF
            MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAKctBOBcbeEZkJg6
            9TAyS0nTLT4YnZLjRsA3TL4fv6YtAiBkop8EmD40fP9wga6VbJ7pBXvs+BYoBUNk
            FC32U0QvNw==
            -----END CERTIFICATE-----
            """;

    /** RS256 and HS256 both allowed, the issuer's RSA key inline, and this secret. */
    static Map<String, String> withSecret(String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", Tokens.ISSUER);
        env.put("JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("JWT_ALGORITHMS", "RS256,ES256,HS256");
        env.put("JWT_JWKS", TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"), TestKeys.jwk(TestKeys.EC256, "ec-1")));
        env.put("JWT_HMAC_SECRET", secret);
        return env;
    }

    static ConfigException refused(String secret) {
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(withSecret(secret)));
        assertEquals("JWT_HMAC_SECRET", e.variable());
        assertNeverQuoted(secret, e.getMessage());
        return e;
    }

    /** No run of 12 characters of the secret (past its PEM armour) appears in the message. */
    static void assertNeverQuoted(String secret, String message) {
        String body = secret.replaceAll("-----[A-Z ]+-----", "").replaceAll("base64:", "").strip();
        for (int i = 0; i + 12 <= body.length(); i += 4) {
            String piece = body.substring(i, i + 12);
            assertFalse(message.contains(piece), "the message quotes the secret: " + message);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** The PKCS#1 RSAPublicKey inside a 2048-bit key's SubjectPublicKeyInfo (after its 24-byte header). */
    static byte[] pkcs1(KeyPair rsa) {
        byte[] spki = rsa.getPublic().getEncoded();
        assertEquals(0x30, spki[24] & 0xff);
        return Arrays.copyOfRange(spki, 24, spki.length);
    }

    static Stream<Arguments> publishedKeys() {
        byte[] rsaDer = TestKeys.RSA.getPublic().getEncoded();
        byte[] ecDer = TestKeys.EC256.getPublic().getEncoded();
        byte[] certificateDer = Base64.getMimeDecoder().decode(CERTIFICATE.replaceAll("-----[A-Z ]+-----", ""));
        return Stream.of(
                Arguments.of("PEM public key with its newline", pem("PUBLIC KEY", rsaDer), "a PEM public key"),
                Arguments.of("PEM public key without newline", pem("PUBLIC KEY", rsaDer).strip(), "a PEM public key"),
                Arguments.of("PEM EC public key", pem("PUBLIC KEY", ecDer), "a PEM public key"),
                Arguments.of("PEM RSA PUBLIC KEY", pem("RSA PUBLIC KEY", pkcs1(TestKeys.RSA)), "a PEM public key"),
                Arguments.of("PEM certificate", CERTIFICATE, "a PEM certificate"),
                Arguments.of("PEM certificate without newline", CERTIFICATE.strip(), "a PEM certificate"),
                Arguments.of("JWK", Tokens.json(TestKeys.jwk(TestKeys.RSA, "rsa-1")), "a JWK"),
                Arguments.of("JWK of another key", Tokens.json(TestKeys.jwk(TestKeys.RSA_2, "rsa-2")), "a JWK"),
                Arguments.of("JWKS", TestKeys.jwks(TestKeys.jwk(TestKeys.EC256, "ec-1")), "a JWKS"),
                Arguments.of("base64 DER", Base64.getEncoder().encodeToString(rsaDer), "the base64 of a DER public key"),
                Arguments.of("base64url DER", Base64.getUrlEncoder().withoutPadding().encodeToString(ecDer),
                        "the base64 of a DER public key"),
                Arguments.of("base64 PKCS#1", Base64.getEncoder().encodeToString(pkcs1(TestKeys.RSA_2)),
                        "the base64 of a DER RSA public key"),
                Arguments.of("PEM body alone", pem("PUBLIC KEY", rsaDer).replaceAll("-----[A-Z ]+-----", "").strip(),
                        "the base64 of a DER public key"),
                Arguments.of("base64 certificate", Base64.getEncoder().encodeToString(certificateDer),
                        "the base64 of a DER certificate"),
                Arguments.of("hex DER", java.util.HexFormat.of().formatHex(rsaDer), "the hex of a DER public key"),
                Arguments.of("HEX DER", java.util.HexFormat.of().withUpperCase().formatHex(ecDer), "the hex of a DER public key"),
                Arguments.of("base64 of a PEM file", Base64.getEncoder().encodeToString(
                        pem("PUBLIC KEY", rsaDer).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "the base64 of a PEM public key"),
                Arguments.of("base64 of a JWK", Base64.getEncoder().encodeToString(Tokens.json(TestKeys.jwk(TestKeys.RSA_2, "rsa-2"))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "the base64 of a JWK"),
                Arguments.of("binary DER", "base64:" + Base64.getEncoder().encodeToString(rsaDer), "a DER public key"),
                Arguments.of("binary certificate", "base64:" + Base64.getEncoder().encodeToString(certificateDer),
                        "a DER certificate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedKeys")
    void aPublishedKeyIsNeverTheSharedSecret(String what, String secret, String lookalike) {
        ConfigException e = refused(secret);
        assertTrue(e.getMessage().startsWith("JWT_HMAC_SECRET: looks like " + lookalike), e.getMessage());
        assertTrue(e.getMessage().contains("lets anyone who has it sign tokens; use a random secret of its own"), e.getMessage());
    }

    @Test
    void aSecretHoldingOneOfTheIssuersOwnPublicNumbersIsRefused() {
        Map<String, Object> rsa = TestKeys.jwk(TestKeys.RSA, "rsa-1");
        Map<String, Object> ec = TestKeys.jwk(TestKeys.EC256, "ec-1");
        ConfigException modulus = refused("my-key:" + rsa.get("n"));
        assertTrue(modulus.getMessage().startsWith("JWT_HMAC_SECRET: contains the RSA modulus of key \"rsa-1\""),
                modulus.getMessage());
        assertTrue(modulus.getMessage().contains("use a random secret of its own"), modulus.getMessage());
        ConfigException coordinate = refused((String) ec.get("y"));
        assertTrue(coordinate.getMessage().startsWith("JWT_HMAC_SECRET: contains an EC coordinate of key \"ec-1\""),
                coordinate.getMessage());
        byte[] modulusBytes = Base64.getUrlDecoder().decode((String) rsa.get("n"));
        ConfigException binary = refused("base64:" + Base64.getEncoder().encodeToString(modulusBytes));
        assertTrue(binary.getMessage().contains("the RSA modulus of key \"rsa-1\""), binary.getMessage());
        java.math.BigInteger n = new java.math.BigInteger(1, modulusBytes);
        String wrapped = Base64.getEncoder().encodeToString(modulusBytes).replaceAll("(.{64})", "$1\n");
        for (String spelling : new String[] {n.toString(16), n.toString(16).toUpperCase(java.util.Locale.ROOT), n.toString(),
                "0x" + n.toString(16), wrapped}) {
            ConfigException e = refused(spelling);
            assertTrue(e.getMessage().startsWith("JWT_HMAC_SECRET: contains the RSA modulus of key \"rsa-1\""), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-shared-secret-of-more-than-32-bytes!\n", "a-shared-secret-of-more-than-32-bytes!\r\n",
            " a-shared-secret-of-more-than-32-bytes!", "a-shared-secret-of-more-than-32-bytes!\t",
            "a-shared-secret-of-more-than-32-bytes!\u00a0", "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"})
    void whitespaceAroundTheSecretIsRefused(String secret) {
        ConfigException e = refused(secret);
        assertEquals("JWT_HMAC_SECRET: starts or ends with whitespace, which would be part of the key; remove the "
                + "trailing newline (or spaces); for binary secrets use base64:", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\n", "\t \r\n"})
    void aBlankSecretIsRefused(String secret) {
        ConfigException e = refused(secret);
        assertTrue(e.getMessage().startsWith("JWT_HMAC_SECRET: is blank; set it to a random secret"), e.getMessage());
    }

    @Test
    void aJsonObjectIsNotASecret() {
        String secret = "{\"jwtSecret\":\"a-shared-secret-of-more-than-32-bytes!\"}";
        ConfigException e = refused(secret);
        assertTrue(e.getMessage().startsWith("JWT_HMAC_SECRET: is a JSON object, not a secret"), e.getMessage());
        assertTrue(e.getMessage().contains("JWT_HMAC_SECRET_JSON_KEY"), e.getMessage());
    }

    @Test
    void randomSecretsAreNeverMistakenForKeys() {
        // Seeded: the same secrets every run. Binary after base64:, base64 text, base64url text.
        Random random = new Random(12);
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = new byte[32 + random.nextInt(64)];
            random.nextBytes(bytes);
            if (i % 7 == 0) {
                bytes[0] = 0x30;
                bytes[1] = (byte) (bytes.length - 2);
            }
            for (String secret : List.of("base64:" + Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                assertEquals(secret.startsWith("base64:") ? bytes.length : secret.length(),
                        HmacSecret.parse(secret.getBytes(StandardCharsets.UTF_8), Set.of(JwsAlgorithm.HS256)).length());
            }
        }
    }

    @Test
    void aRandomSecretStartsBesideTheKeys() {
        byte[] bytes = new byte[48];
        new Random(7).nextBytes(bytes);
        IssuerConfig issuer = AuthorizerConfig.fromEnvironment(withSecret("base64:" + Base64.getEncoder().encodeToString(bytes)))
                .issuers().get(0);
        assertEquals(Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256, JwsAlgorithm.HS256), issuer.algorithms());
        assertEquals("inline JWT_HMAC_SECRET", issuer.hmacSecret().describe());
    }
}
