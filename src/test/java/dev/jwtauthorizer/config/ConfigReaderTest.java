package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    private static ConfigException failure(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> AuthorizerConfig.fromEnvironment(env));
    }

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = TestEnv.rsa();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    /** The one issuer entry the variables describe. */
    static IssuerConfig only(AuthorizerConfig config) {
        assertEquals(1, config.issuers().size(), config.issuers().toString());
        return config.issuers().get(0);
    }

    @Test
    void defaultsAreSafe() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(TestEnv.rsa());
        IssuerConfig issuer = only(config);
        assertEquals(Set.of(JwsAlgorithm.RS256), issuer.algorithms());
        assertNull(issuer.rules());
        assertNull(issuer.hmacSecret());
        assertNull(issuer.cognitoTokenUse());
        assertEquals(Duration.ofSeconds(5), config.leeway());
        assertEquals(8192, config.maxTokenLength());
        assertEquals("sub", config.principalClaim().text());
        assertTrue(config.contextClaims().isEmpty());
        assertEquals(Duration.ofSeconds(2), config.fetchTimeout());
        assertEquals(Duration.ofMinutes(10), config.keyLifetime().maxAge());
        assertEquals(Duration.ofHours(1), config.keyLifetime().maxStale());
        assertEquals(Duration.ofSeconds(30), config.keyLifetime().cooldown());
    }

    @Test
    void listsAreCommaSeparatedAndTrimmed() {
        IssuerConfig issuer = only(AuthorizerConfig.fromEnvironment(with(
                "JWT_ISSUER", " https://a.example , https://b.example", "JWT_AUDIENCE", "x,y", "JWT_ALGORITHMS", "RS256, ES256")));
        assertEquals(Set.of("https://a.example", "https://b.example"), issuer.issuers());
        assertEquals(Set.of("x", "y"), issuer.audiences());
        assertEquals(Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256), issuer.algorithms());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "JWT_ISSUER|''|JWT_ISSUER: is required",
            "JWT_ISSUER|'a,,b'|JWT_ISSUER: has an empty item",
            "JWT_AUDIENCE|' '|JWT_AUDIENCE: is required",
            "JWT_ALGORITHMS|none|JWT_ALGORITHMS: \"none\" would accept unsigned tokens",
            "JWT_ALGORITHMS|RS256,NONE|JWT_ALGORITHMS: \"none\"",
            "JWT_ALGORITHMS|rs256|JWT_ALGORITHMS: unknown algorithm \"rs256\"",
            "JWT_ALGORITHMS|EdDSA|JWT_ALGORITHMS: unknown algorithm",
            "JWT_PRINCIPAL_CLAIM|realm_access.roles|JWT_PRINCIPAL_CLAIM: claim \"realm_access.roles\" is ambiguous",
            "JWT_CONTEXT_CLAIMS|sub,user.email|JWT_CONTEXT_CLAIMS: claim \"user.email\" is ambiguous",
            "JWT_CONTEXT_CLAIMS|sub,principalId|JWT_CONTEXT_CLAIMS: \"principalId\" may not be a context key: the authorizer sets principalId",
            "JWT_CONTEXT_CLAIMS|apiKeyId|JWT_CONTEXT_CLAIMS: \"apiKeyId\" may not be a context key",
            "JWT_USAGE_IDENTIFIER_CLAIM|/plan//key|JWT_USAGE_IDENTIFIER_CLAIM: ",
            "JWT_LEEWAY_SECONDS|-1|JWT_LEEWAY_SECONDS: -1 is outside 0-300",
            "JWT_LEEWAY_SECONDS|soon|JWT_LEEWAY_SECONDS: \"soon\" is not a whole number",
            "JWT_MAX_TOKEN_LENGTH|10|JWT_MAX_TOKEN_LENGTH: 10 is outside",
            "JWT_JWKS_TIMEOUT_MS|60000|JWT_JWKS_TIMEOUT_MS: 60000 is outside",
            "JWT_JWKS_REFRESH_COOLDOWN_SECONDS|0|JWT_JWKS_REFRESH_COOLDOWN_SECONDS: 0 is outside",
            "JWT_JWKS_REFRESH_COOLDOWN_SECONDS|600|JWT_JWKS_REFRESH_COOLDOWN_SECONDS: 600 is not less than JWT_KEYS_MAX_AGE_SECONDS (600)",
            "JWT_SECRETS_VIA|bogus|JWT_SECRETS_VIA: \"bogus\" is not api or extension",
            "JWT_RULES|not json|JWT_RULES: not valid JSON",
            "JWT_RULES|{}|JWT_RULES: expected a JSON array",
            "JWT_RULES|[{\"claim\":\"scope\",\"value\":\"a\",\"alow\":[\"GET /\"]}]|JWT_RULES: rule 1: unknown field \"alow\"",
            "JWT_RULES|[{\"claim\":\"scope\",\"allow\":[\"GET /\"]}]|JWT_RULES: rule 1: \"claim\" and \"value\" go together",
            "JWT_RULES|[{\"allow\":[]}]|JWT_RULES: rule 1: \"allow\" must be a non-empty array",
            "JWT_RULES|[]|JWT_RULES: is an empty array, which grants no route to any token",
            "JWT_RULES|[{\"allow\":[\"GET /books/{id}\"]}]|JWT_RULES: rule 1: path \"/books/{id}\" is a route template",
            "JWT_RULES|[{\"allow\":[\"FETCH /a\"]}]|JWT_RULES: rule 1: unknown HTTP verb \"FETCH\"",
            "JWT_RULES|[{\"allow\":[\"GET books\"]}]|JWT_RULES: rule 1: path \"books\" must start with /",
            "JWT_RULES_FILE|no-such-rules.json|JWT_RULES_FILE: no file",
            "JWT_JWKS|{\"nope\":1}|JWT_JWKS: is not a key set",
    })
    void wrongSettingFailsWithItsNameAndWhatIsWrong(String variable, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(with(variable, value)));
        assertEquals(variable, e.variable());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "http://issuer.example/jwks.json, plain http:// is only allowed for loopback hosts",
            "ftp://issuer.example/jwks.json, must be an https:// URL",
            "https:///jwks.json, with a host",
            "https://user:hunter2@issuer.example/jwks.json, \"https://issuer.example/jwks.json\" holds a user name or password",
            "https://user:hunter2@issuer.example/jw ks.json, is not a URL (Illegal character in path at character 39)",
            "file:/no/such/jwks.json, cannot read"})
    void jwksUriMustBeHttpsOrLoopbackOrFile(String uri, String message) {
        ConfigException e = failure(with("JWT_JWKS", null, "JWT_JWKS_URI", uri));
        assertEquals("JWT_JWKS_URI", e.variable());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), "a URL's password reached the message");
    }

    @Test
    void loopbackHttpAndFileKeySetsAreAccepted(@TempDir Path dir) throws Exception {
        AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_JWKS_URI", "http://127.0.0.1:9/jwks.json"));
        AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_JWKS_URI", "http://localhost:9/jwks.json"));
        AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_JWKS_URI", "http://[::1]:9/jwks.json"));
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")));
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_JWKS_URI", jwks.toUri().toString()));
        assertFalse(only(config).keySource().isRemote());
        assertEquals(jwks.toString(), only(config).keySource().describe());
    }

    @Test
    void withoutAKeySetTheKeysAreFoundByDiscoveryFromEachIssuer() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null,
                "JWT_ISSUER", "https://a.example/,https://b.example/tenant"));
        assertEquals(2, config.issuers().size());
        assertEquals("https://a.example/.well-known/openid-configuration", config.issuers().get(0).keySource().describe());
        assertEquals("https://b.example/tenant/.well-known/openid-configuration", config.issuers().get(1).keySource().describe());
        ConfigException notHttps = failure(with("JWT_JWKS", null, "JWT_ISSUER", "http://issuer.example"));
        assertEquals("JWT_ISSUER", notHttps.variable());
        assertTrue(notHttps.getMessage().contains("OIDC discovery"), notHttps.getMessage());
        assertEquals("JWT_JWKS", failure(with("JWT_JWKS_URI", "https://a.example/jwks.json")).variable());
    }

    @Test
    void hmacSecretMustBeLongEnoughForEveryAllowedAlgorithm() throws Exception {
        ConfigException missing = failure(with("JWT_JWKS", null, "JWT_ALGORITHMS", "HS256"));
        assertEquals("JWT_HMAC_SECRET", missing.variable());
        String secret = "x".repeat(40);
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_ALGORITHMS", "HS256", "JWT_HMAC_SECRET", secret));
        assertEquals("inline JWT_HMAC_SECRET", only(config).hmacSecret().describe());
        ConfigException tooShort = failure(with("JWT_JWKS", null, "JWT_ALGORITHMS", "HS256,HS384", "JWT_HMAC_SECRET", secret));
        assertEquals("JWT_HMAC_SECRET: is 40 bytes; HS384 needs at least 48", tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(secret));
        AuthorizerConfig base64 = AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_ALGORITHMS", "HS256",
                "JWT_HMAC_SECRET", "base64:" + java.util.Base64.getEncoder().encodeToString(new byte[32])));
        assertEquals(32, HmacSecret.parse(only(base64).hmacSecret().fetch(), Set.of(JwsAlgorithm.HS256)).length());
    }

    @Test
    void unusedKeySettingsAreRefused() {
        assertEquals("JWT_HMAC_SECRET", failure(with("JWT_HMAC_SECRET", "x".repeat(64))).variable());
        assertEquals("JWT_JWKS", failure(with("JWT_ALGORITHMS", "HS256", "JWT_HMAC_SECRET", "x".repeat(64))).variable());
    }

    @Test
    void rulesFileIsReadFromTheTaskRootOrThePackage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rules.json"), "[{\"allow\":[\"GET /health\"]}]");
        AuthorizerConfig fromTaskRoot = AuthorizerConfig.fromEnvironment(with(
                "JWT_RULES_FILE", "rules.json", "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals(1, only(fromTaskRoot).rules().rules().size());
        AuthorizerConfig fromPackage = AuthorizerConfig.fromEnvironment(with(
                "JWT_RULES_FILE", "test-rules.json", "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals(2, only(fromPackage).rules().rules().size());
    }

    @Test
    void theBundledDevelopmentConfigurationStarts() throws Exception {
        // events/env.json sets every setting, blank where unused, as SAM passes them.
        Map<String, Object> section = Json.asObject(Json.asObject(Json.read(Files.readAllBytes(Path.of("events/env.json"))))
                .get("JwtAuthorizerFunction"));
        Map<String, String> env = new HashMap<>();
        section.forEach((name, value) -> env.put(name, (String) value));
        assertTrue(env.containsValue(""), "some settings are blank");
        IssuerConfig issuer = only(AuthorizerConfig.fromEnvironment(env));
        assertEquals(Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256), issuer.algorithms());
        assertEquals(2, issuer.rules().rules().size());
    }

    @Test
    void hmacSecretIsNotPrintedByToString() {
        String secret = "s3cr3t-".repeat(10);
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(with("JWT_JWKS", null, "JWT_ALGORITHMS", "HS256", "JWT_HMAC_SECRET", secret));
        assertFalse(config.toString().contains("s3cr3t"), config.toString());
    }
}
