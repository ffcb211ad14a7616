package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.support.Checks;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.NimbusTokens;
import dev.jwtauthorizer.support.TestEnv;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JWT_CUSTOM_CHECK is loaded once, at start: a class that cannot serve stops the start with a
 * message naming the setting and saying what to do, and never quotes what user code threw.
 */
class CustomCheckSettingTest {
    private static final RSAKey KEY = NimbusTokens.rsa("rsa-1");

    private static ConfigException refused(String className) {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(KEY));
        env.put("JWT_CUSTOM_CHECK", className);
        ConfigException e = assertThrows(ConfigException.class, () -> LogCapture.discard(() -> Authorizer.fromEnvironment(env)));
        assertEquals("JWT_CUSTOM_CHECK", e.variable());
        assertTrue(e.getMessage().startsWith("JWT_CUSTOM_CHECK: "), e.getMessage());
        return e;
    }

    @Test
    void aClassNotOnTheClassPathSaysToAddItsJar() {
        String message = refused("com.example.checks.TenantCheck").getMessage();
        assertTrue(message.contains("com.example.checks.TenantCheck is not on the class path"), message);
        assertTrue(message.contains("CustomCheckLayerArn") && message.contains("java/lib"), message);
    }

    @Test
    void aClassThatIsNoCheckIsRefused() {
        String message = refused(Checks.name(Checks.NotACheck.class)).getMessage();
        assertTrue(message.contains("does not implement dev.jwtauthorizer.extension.AuthorizationCheck"), message);
    }

    @Test
    void aClassWithoutAConstructorWithoutArgumentsIsRefused() {
        String message = refused(Checks.name(Checks.NoConstructorWithoutArguments.class)).getMessage();
        assertTrue(message.contains("no public constructor without arguments"), message);
    }

    @Test
    void aClassThatCannotBeMadeIsRefused() {
        assertTrue(refused(Checks.name(Checks.Abstract.class)).getMessage().contains("must be a public, concrete"));
        assertTrue(refused("dev.jwtauthorizer.support.Checks$NotPublic").getMessage().contains("must be a public, concrete"));
    }

    @Test
    void aConstructorThatThrowsIsNamedByTheExceptionsClassOnly() {
        String message = refused(Checks.name(Checks.ConstructorThrows.class)).getMessage();
        assertTrue(message.contains("the constructor of dev.jwtauthorizer.support.Checks$ConstructorThrows threw "
                + "java.lang.IllegalStateException"), message);
        assertFalse(message.contains("s3cr3t"), message);
        String initialisation = refused(Checks.name(Checks.StaticInitialisationThrows.class)).getMessage();
        assertTrue(initialisation.contains("static initialisation") && initialisation.contains("java.lang.IllegalStateException"),
                initialisation);
        assertFalse(initialisation.contains("s3cr3t"), initialisation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.checks.TenantCheck.", "com example.Check", "com.example.checks.TenantCheck::check",
            "/opt/java/lib/checks.jar", "1Check"})
    void aValueThatIsNoClassNameIsRefusedAsSuch(String value) {
        String message = refused(value).getMessage();
        assertTrue(message.contains("is not a fully qualified Java class name"), message);
    }

    @Test
    void aBlankSettingMeansNoCheck() {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(KEY));
        env.put("JWT_CUSTOM_CHECK", "");
        String log = LogCapture.capture(() -> Authorizer.fromEnvironment(env));
        assertFalse(log.contains("customCheck"), log);
    }

    @Test
    void theReadyLineNamesTheCheck() {
        Map<String, String> env = TestEnv.withJwks(NimbusTokens.jwks(KEY));
        env.put("JWT_CUSTOM_CHECK", " " + Checks.name(Checks.Scripted.class) + " ");
        String log = LogCapture.capture(() -> Authorizer.fromEnvironment(env));
        assertTrue(log.contains("\"customCheck\":\"dev.jwtauthorizer.support.Checks$Scripted\""), log);
    }
}
