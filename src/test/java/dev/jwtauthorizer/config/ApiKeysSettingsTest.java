package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key settings: at most one key list, checked at start when it is given in configuration;
 * a plaintext key or anything else wrong stops the start with the setting's name and what to do,
 * never quoting a hash or a key. Without any JWT issuer, API keys alone are accepted.
 */
class ApiKeysSettingsTest {
    private static final String HASH = ApiKeys.sha256(ApiKeys.ACME);

    private static Map<String, String> apiKeysOnly(String document) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_API_KEYS", document);
        return env;
    }

    private static String entryWith(String extraMembers) {
        return "{\"id\":\"acme\",\"hash\":\"" + HASH + "\",\"principal\":\"partner-acme\",\"allow\":[\"GET /books/*\"]"
                + extraMembers + "}";
    }

    private static ConfigException refused(Map<String, String> env, String setting, String... said) {
        ConfigException e = assertThrows(ConfigException.class, () -> AuthorizerConfig.fromEnvironment(env));
        assertEquals(setting, e.variable(), e.getMessage());
        for (String words : said) {
            assertTrue(e.getMessage().contains(words), e.getMessage());
        }
        assertFalse(e.getMessage().contains(ApiKeys.ACME), e.getMessage());
        assertFalse(e.getMessage().contains(HASH.substring(7, 23)), "quotes a hash: " + e.getMessage());
        return e;
    }

    @Test
    void apiKeysWithoutAnyIssuerNeedNoAudience() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(apiKeysOnly(ApiKeys.document(ApiKeys.acmeEntry())));
        assertTrue(config.apiKeysOnly());
        assertEquals("header:x-api-key", config.apiKeys().sources().toString());
        assertEquals(Setting.JWT_API_KEYS, config.apiKeys().setting());
    }

    @Test
    void apiKeysBesideAnIssuer() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_API_KEYS", ApiKeys.document(ApiKeys.acmeEntry()));
        env.put("JWT_API_KEY_SOURCES", "header:x-api-key,header:Authorization");
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        assertFalse(config.apiKeysOnly());
        assertEquals("header:x-api-key,header:Authorization", config.apiKeys().sources().toString());
    }

    @Test
    void withoutApiKeysNothingChanges() {
        assertNull(AuthorizerConfig.fromEnvironment(TestEnv.rsa()).apiKeys());
        refused(new HashMap<>(), "JWT_ISSUER", "required");
    }

    @Test
    void aJwtSettingWithoutAnIssuerIsTakenForAForgottenIssuer() {
        Map<String, String> env = apiKeysOnly(ApiKeys.document(ApiKeys.acmeEntry()));
        env.put("JWT_AUDIENCE", "books-api");
        refused(env, "JWT_AUDIENCE", "no JWT issuer", "API keys only");
    }

    @Test
    void aPlaintextKeyStopsTheStart() {
        for (String member : List.of("key", "apiKey", "api_key", "value", "secret", "plaintext", "token")) {
            String document = ApiKeys.document(entryWith(",\"" + member + "\":\"" + ApiKeys.ACME + "\""));
            refused(apiKeysOnly(document), "JWT_API_KEYS", "plaintext key", "\"" + member + "\"", "api-key --id");
        }
        refused(apiKeysOnly("{\"apiKey\":\"" + ApiKeys.ACME + "\"}"), "JWT_API_KEYS", "plaintext key");
    }

    @Test
    void aBareKeyIsNotAKeyList() {
        refused(apiKeysOnly(ApiKeys.ACME), "JWT_API_KEYS", "bare key", "api-key --id");
        refused(apiKeysOnly("\"" + ApiKeys.ACME + "\""), "JWT_API_KEYS", "bare key");
    }

    @Test
    void aHashNotInTheFormatIsRefused() {
        for (String hash : List.of(ApiKeys.ACME, HASH.substring(0, HASH.length() - 1), HASH + "0", "sha1:" + HASH.substring(7, 47),
                "md5:" + HASH.substring(7), HASH.replace('a', 'g'), HASH.replace("sha256:", "sha512:"), "sha256:" + HASH,
                HASH.substring(7))) {
            String document = ApiKeys.document("{\"id\":\"acme\",\"hash\":\"" + hash + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}");
            refused(apiKeysOnly(document), "JWT_API_KEYS", "entry 1 (\"acme\")", "\"hash\" must be sha256:");
        }
    }

    @Test
    void aHashInUpperCaseOrSha512IsAccepted() {
        String upper = "sha256:" + HASH.substring(7).toUpperCase();
        String document = ApiKeys.document("{\"id\":\"a\",\"hash\":\"" + upper + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}",
                "{\"id\":\"b\",\"hash\":\"" + ApiKeys.sha512("another") + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}");
        assertNotNull(AuthorizerConfig.fromEnvironment(apiKeysOnly(document)).apiKeys());
    }

    @Test
    void idsAndHashesAreUnique() {
        String other = "{\"id\":\"acme\",\"hash\":\"" + ApiKeys.sha256("other") + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}";
        refused(apiKeysOnly(ApiKeys.document(entryWith(""), other)), "JWT_API_KEYS", "entries 1 and 2", "same id");
        String sameHash = "{\"id\":\"acme-2\",\"hash\":\"" + HASH.toUpperCase().replace("SHA256", "sha256")
                + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}";
        refused(apiKeysOnly(ApiKeys.document(entryWith(""), sameHash)), "JWT_API_KEYS", "entries 1 and 2", "same hash");
    }

    @Test
    void unknownMembersAndBadValuesAreRefused() {
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"routes\":[\"GET /\"]"))), "JWT_API_KEYS", "unknown member \"routes\"");
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"" + ApiKeys.ACME + "\":1"))), "JWT_API_KEYS", "name not shown");
        refused(apiKeysOnly("{\"keys\":[" + entryWith("") + "],\"version\":2}"), "JWT_API_KEYS", "\"version\" beside \"keys\"");
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"context\":{\"apiKeyId\":\"x\"}"))), "JWT_API_KEYS", "apiKeyId");
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"context\":{\"principalId\":\"x\"}"))), "JWT_API_KEYS", "principalId");
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"context\":{\"tags\":[\"a\"]}"))), "JWT_API_KEYS", "string, a number");
        refused(apiKeysOnly(ApiKeys.document(entryWith(",\"usageIdentifierKey\":3"))), "JWT_API_KEYS", "usageIdentifierKey");
        refused(apiKeysOnly(ApiKeys.document("{\"id\":\"has space\",\"hash\":\"" + HASH + "\",\"principal\":\"p\",\"allow\":[\"GET /\"]}")),
                "JWT_API_KEYS", "\"id\" must be 1-64");
        refused(apiKeysOnly(ApiKeys.document("{\"id\":\"a\",\"hash\":\"" + HASH + "\",\"principal\":\" \",\"allow\":[\"GET /\"]}")),
                "JWT_API_KEYS", "\"principal\" must not be blank");
    }

    @Test
    void anEmptyListIsRefused() {
        refused(apiKeysOnly(ApiKeys.document()), "JWT_API_KEYS", "no keys", "api-key --id");
        refused(apiKeysOnly("{}"), "JWT_API_KEYS", "no keys");
    }

    @Test
    void routesAreRulesRoutes() {
        for (String allow : List.of("[]", "[\"GET\"]", "[\"FETCH /books\"]", "[\"GET books\"]", "[\"sendMessage/*\"]", "\"GET /\"")) {
            String document = ApiKeys.document("{\"id\":\"a\",\"hash\":\"" + HASH + "\",\"principal\":\"p\",\"allow\":" + allow + "}");
            refused(apiKeysOnly(document), "JWT_API_KEYS", "entry 1 (\"a\")");
        }
        String fine = ApiKeys.document("{\"id\":\"a\",\"hash\":\"" + HASH + "\",\"principal\":\"p\","
                + "\"allow\":[\"ANY /books/*\",\"$connect\",\"* /\"]}");
        assertNotNull(AuthorizerConfig.fromEnvironment(apiKeysOnly(fine)).apiKeys());
    }

    @Test
    void atMostOneKeyList() {
        Map<String, String> env = apiKeysOnly(ApiKeys.document(ApiKeys.acmeEntry()));
        env.put("JWT_API_KEYS_SECRET_ID", "prod/api-keys");
        refused(env, "JWT_API_KEYS_SECRET_ID", "JWT_API_KEYS are both set");
        env.remove("JWT_API_KEYS");
        env.put("JWT_API_KEYS_FILE", "keys.json");
        refused(env, "JWT_API_KEYS_SECRET_ID", "JWT_API_KEYS_FILE are both set");
    }

    @Test
    void aFileIsReadAndCheckedAtStart(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("api-keys.json"), ApiKeys.document(ApiKeys.acmeEntry()));
        Files.writeString(directory.resolve("plaintext.json"), ApiKeys.document(entryWith(",\"key\":\"" + ApiKeys.ACME + "\"")));
        Map<String, String> env = new HashMap<>();
        env.put("LAMBDA_TASK_ROOT", directory.toString());
        env.put("JWT_API_KEYS_FILE", "api-keys.json");
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        assertEquals(Setting.JWT_API_KEYS_FILE, config.apiKeys().setting());
        assertFalse(config.apiKeys().keyList().isRemote());
        env.put("JWT_API_KEYS_FILE", "plaintext.json");
        refused(env, "JWT_API_KEYS_FILE", "plaintext key");
        env.put("JWT_API_KEYS_FILE", "missing.json");
        refused(env, "JWT_API_KEYS_FILE", "no file");
    }

    @Test
    void apiKeySourcesHaveTheSyntaxOfTokenSources() {
        Map<String, String> env = apiKeysOnly(ApiKeys.document(ApiKeys.acmeEntry()));
        env.put("JWT_API_KEY_SOURCES", "header:x-api-key,query:api_key,cookie:key,protocol:key");
        assertEquals(4, AuthorizerConfig.fromEnvironment(env).apiKeys().sources().sources().size());
        env.put("JWT_API_KEY_SOURCES", "header:x-api-key,body:key");
        refused(env, "JWT_API_KEY_SOURCES", "unknown source kind");
    }
}
