package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.Gateway;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry of JWT_ISSUERS may carry its own secret ("hmacSecret"), checked like JWT_HMAC_SECRET;
 * JWT_ISSUERS_FILE, which is packaged with the code, may not.
 */
class IssuerEntrySecretTest {
    private static final String SECRET_A = "secret-of-issuer-a-0123456789-abcdefghij";
    private static final String SECRET_B = "secret-of-issuer-b-0123456789-abcdefghij";

    private static String issuers(Object... entries) {
        return Tokens.json(List.of(entries));
    }

    private static Map<String, Object> entry(String issuer, String audience, String secret) {
        return Map.of("issuer", issuer, "audiences", audience, "algorithms", "HS256", "hmacSecret", secret);
    }

    private static String token(String issuer, String audience, String secret) throws Exception {
        long now = System.currentTimeMillis();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer(issuer).audience(audience).subject("alice")
                .issueTime(new Date(now)).expirationTime(new Date(now + 600_000)).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }


    @Test
    void eachEntryVerifiesWithItsOwnInlineSecret() throws Exception {
        Authorizer authorizer = Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", issuers(
                entry("https://a.example", "api-a", SECRET_A), entry("https://b.example", "api-b", SECRET_B))));
        assertEquals("Allow", Gateway.answer(authorizer, token("https://a.example", "api-a", SECRET_A)));
        assertEquals("Allow", Gateway.answer(authorizer, token("https://b.example", "api-b", SECRET_B)));
        assertEquals("401", Gateway.answer(authorizer, token("https://b.example", "api-b", SECRET_A)));
        assertEquals("401", Gateway.answer(authorizer, token("https://a.example", "api-a", SECRET_B)));
    }

    @Test
    void anEntrysSecretIsCheckedLikeTheVariable() {
        ConfigException newline = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS",
                issuers(entry("https://a.example", "api-a", SECRET_A), entry("https://b.example", "api-b", SECRET_B + "\n")))));
        assertEquals("JWT_ISSUERS", newline.variable());
        assertTrue(newline.getMessage().startsWith("JWT_ISSUERS: entry 2, \"hmacSecret\" starts or ends with whitespace"),
                newline.getMessage());
        assertTrue(newline.getMessage().contains("remove the trailing newline"), newline.getMessage());
        assertFalse(newline.getMessage().contains(SECRET_B));
        ConfigException tooShort = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS",
                issuers(entry("https://a.example", "api-a", "short-secret")))));
        assertEquals("JWT_ISSUERS: entry 1, \"hmacSecret\" is 12 bytes; HS256 needs at least 32", tooShort.getMessage());
        ConfigException both = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS",
                issuers(Map.of("issuer", "https://a.example", "audiences", "x", "algorithms", "HS256",
                        "hmacSecret", SECRET_A, "hmacSecretId", "jwt-a")))));
        assertTrue(both.getMessage().contains("\"hmacSecretId\" and \"hmacSecret\" are both set; use one"), both.getMessage());
        ConfigException withVariable = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of(
                "JWT_HMAC_SECRET", SECRET_B, "JWT_ISSUERS", issuers(entry("https://a.example", "api-a", SECRET_A)))));
        assertEquals("JWT_HMAC_SECRET", withVariable.variable());
        assertFalse(withVariable.getMessage().contains(SECRET_B));
    }

    @Test
    void aSecretInTheIssuersFileIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("issuers.json"), issuers(entry("https://a.example", "api-a", SECRET_A)));
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(Map.of(
                "JWT_ISSUERS_FILE", "issuers.json", "LAMBDA_TASK_ROOT", dir.toString())));
        assertEquals("JWT_ISSUERS_FILE", e.variable());
        assertEquals("JWT_ISSUERS_FILE: entry 1, \"hmacSecret\" is refused: a secret has no place in a packaged file; "
                + "use \"hmacSecretId\" (a Secrets Manager secret), or JWT_ISSUERS", e.getMessage());
    }
}
