package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.TestEnv;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A misspelt JWT_* variable stops the start, naming the setting that was probably meant. */
class UnknownVariablesTest {
    private static final String VALUE = "[{\"claim\":\"scope\",\"value\":\"private-value\",\"allow\":[\"GET /\"]}]";

    private static ConfigException refused(String name, String value) {
        Map<String, String> env = TestEnv.rsa();
        env.put(name, value);
        return assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "JWT_RULE, JWT_RULES",
            "JWT_ALGORITHM, JWT_ALGORITHMS",
            "JWT_AUDIENCES, JWT_AUDIENCE",
            "JWT_JWKS_URL, JWT_JWKS_URI",
            "JWT_ISSUER_FILE, JWT_ISSUERS_FILE",
            "JWT_CONTEXT_CLAIM, JWT_CONTEXT_CLAIMS",
            "JWT_AUDEINCE, JWT_AUDIENCE",
            "jwt_rules, JWT_RULES",
            "JWT_HMAC_SECRET_ARN, JWT_HMAC_SECRET_ID",
            "JWT_SECRET, JWT_HMAC_SECRET or JWT_SECRETS_VIA",
            "JWT_USER_POOL_ID, JWT_COGNITO_USER_POOL_ID",
            "JWT_LEEWAY, JWT_LEEWAY_SECONDS",
            "JWT_JWKS_TIMEOUT, JWT_JWKS_TIMEOUT_MS"})
    void aNearMissIsRefusedWithTheSettingItWasMeantToBe(String name, String meant) {
        ConfigException e = refused(name, VALUE);
        assertEquals(name, e.variable());
        assertEquals(name + " is not a setting; did you mean " + meant + "?", e.getMessage());
        assertFalse(e.getMessage().contains("private-value"), "the value is never quoted");
    }

    @Test
    void aBlankUnknownVariableIsStillATypo() {
        // SAM passes every variable the template declares, blank when its parameter is empty.
        ConfigException e = refused("JWT_RULE", "");
        assertEquals("JWT_RULE is not a setting; did you mean JWT_RULES?", e.getMessage());
    }

    @Test
    void withNothingCloseThereIsNoGuess() {
        ConfigException e = refused("JWT_DEBUG_MODE", "true");
        assertEquals("JWT_DEBUG_MODE", e.variable());
        assertTrue(e.getMessage().startsWith("JWT_DEBUG_MODE is not a setting; remove it"), e.getMessage());
        assertFalse(e.getMessage().contains("did you mean"), e.getMessage());
    }

    @Test
    void everyUnknownVariableIsNamedAtOnce() {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_RULE", VALUE);
        env.put("JWT_ALGORITHM", "HS256");
        ConfigException e = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
        assertEquals("JWT_ALGORITHM", e.variable());
        assertTrue(e.getMessage().endsWith("(also not settings: JWT_RULE)"), e.getMessage());
    }

    @Test
    void blankKnownSettingsAndOtherVariablesAreAccepted() {
        // As cli/DevToken and events/env.json write them: every setting, blank where unused.
        Map<String, String> env = TestEnv.rsa();
        for (Setting setting : Setting.values()) {
            env.putIfAbsent(setting.name(), "");
        }
        env.put("AWS_REGION", "eu-west-1");
        env.put("JAVA_TOOL_OPTIONS", "");
        env.put("MY_JWT_THING", "not ours: it does not start with JWT_");
        assertEquals(1, AuthorizerConfig.fromEnvironment(env).issuers().size());
    }
}
