package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.ContainerCredentialsFake;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.FakeCredentials;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.SecretsManagerFake;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HS secrets read from Secrets Manager itself (JWT_SECRETS_VIA=api, the default), through the real
 * handler, against a fake that checks every request's SigV4 signature: with environment credentials
 * (Lambda without SnapStart) and with container credentials (SnapStart), across rotation, restore and
 * outage.
 */
class SecretsManagerApiTest {
    private static final String SECRET = "a-secret-from-the-api-0123456789-abcdefghij";
    private static final String ROTATED = "the-rotated-secret-9876543210-zyxwvutsrqpon";
    private static final String CONTAINER_TOKEN = "container-authorization-token-Zq9";

    private SecretsManagerFake secretsManager;

    @BeforeEach
    void start() throws Exception {
        secretsManager = new SecretsManagerFake().secret("prod/jwt", SECRET);
    }

    @AfterEach
    void stop() {
        secretsManager.close();
    }

    /** "Allow", "401" or "500", as API Gateway makes of the handler's answer. */
    private static String answer(AuthorizerHandler handler, String secret) {
        try {
            Map<String, Object> policy = handler.handleRequest(
                    Events.token("Bearer " + Tokens.claims().sign(Algorithm.HMAC256(secret)), Tokens.METHOD_ARN), null);
            return policy.toString().contains("Effect=Allow") ? "Allow" : "403";
        } catch (UnauthorizedException e) {
            return "401";
        } catch (AuthorizerFailureException e) {
            return "500";
        }
    }

    private static AuthorizerHandler handler(Map<String, String> env) {
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    @Test
    void withEnvironmentCredentialsTheSecretIsReadOnceWithASignedCall() {
        FakeCredentials credentials = FakeCredentials.temporary();
        secretsManager.accept(credentials);
        AuthorizerHandler handler = handler(TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials));
        for (int i = 0; i < 3; i++) {
            assertEquals("Allow", answer(handler, SECRET));
        }
        assertEquals("401", answer(handler, SECRET + "-not-it"));
        assertEquals(1, secretsManager.served());
        assertEquals(1, secretsManager.requests());
    }

    @Test
    void longTermKeysWithoutASessionTokenAreSignedToo() {
        FakeCredentials credentials = new FakeCredentials("AKIAEXAMPLEKEYID0001", "long-term-secret-access-key", null);
        secretsManager.accept(credentials);
        assertEquals("Allow", answer(handler(TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials)), SECRET));
    }

    @Test
    void aSecretIdNeedingJsonEscapesIsSentIntact() {
        String id = "prod/jwt \"quoted\" \\ back\u00e9";
        FakeCredentials credentials = FakeCredentials.temporary();
        secretsManager.accept(credentials).secret(id, SECRET);
        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        env.put("JWT_HMAC_SECRET_ID", id);
        assertEquals("Allow", answer(handler(env), SECRET));
    }

    @Test
    void withContainerCredentialsOnlyTheSecretIsReadAndTheCredentialsAreFetchedAgainAfterRestore() throws Exception {
        try (ContainerCredentialsFake container = new ContainerCredentialsFake(CONTAINER_TOKEN)) {
            secretsManager.accept(container.current());
            Map<String, String> env = TestEnv.secretFromApi(secretsManager);
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN);
            AuthorizerHandler handler = handler(env);
            assertEquals("Allow", answer(handler, SECRET));
            assertEquals(1, container.requests());

            // The snapshot's credentials are withdrawn and the secret rotated while the snapshot waited.
            FakeCredentials old = container.current();
            secretsManager.accept(container.rotate()).withdraw(old).secret("prod/jwt", ROTATED);
            handler.afterRestore(null);
            assertEquals("Allow", answer(handler, ROTATED));
            assertEquals("401", answer(handler, SECRET));
            assertEquals(2, container.requests(), "credentials fetched again after the restore, once");
            assertEquals(2, secretsManager.served());
        }
    }

    @Test
    void theContainerTokenMayComeFromAFile(@TempDir Path dir) throws Exception {
        try (ContainerCredentialsFake container = new ContainerCredentialsFake(CONTAINER_TOKEN)) {
            secretsManager.accept(container.current());
            Path tokenFile = Files.writeString(dir.resolve("token"), CONTAINER_TOKEN + "\n");
            Map<String, String> env = TestEnv.secretFromApi(secretsManager);
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "not-the-token: the file wins");
            assertEquals("Allow", answer(handler(env), SECRET));
        }
    }

    @Test
    void aWrongSecretAccessKeyIsRefusedAndTheAuthorizerFailsClosedWithoutSayingAnyCredential() {
        FakeCredentials right = FakeCredentials.temporary();
        FakeCredentials wrongKey = new FakeCredentials(right.accessKeyId(), "not-the-secret-access-key", right.sessionToken());
        secretsManager.accept(right);
        String[] result = new String[1];
        String log = LogCapture.capture(() -> result[0] = answer(handler(
                TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), wrongKey)), SECRET));
        assertEquals("500", result[0]);
        assertEquals("InvalidSignatureException", secretsManager.lastRefusal());
        assertTrue(log.contains("HTTP status 400 (InvalidSignatureException)"), log);
        assertTrue(log.contains("\"reason\":\"SECRET_UNAVAILABLE\""), log);
        for (String never : new String[] {"not-the-secret-access-key", right.sessionToken(), SECRET, "Signature=", "does not match"}) {
            assertFalse(log.contains(never), never + " reached the log");
        }
    }

    @Test
    void unknownCredentialsAndAnUnknownSecretAreNamedByTheirErrorType() {
        FakeCredentials stranger = FakeCredentials.temporary();
        String log = LogCapture.capture(() -> assertEquals("500", answer(handler(
                TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), stranger)), SECRET)));
        assertTrue(log.contains("HTTP status 400 (UnrecognizedClientException)"), log);

        secretsManager.accept(stranger);
        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), stranger);
        env.put("JWT_HMAC_SECRET_ID", "prod/no-such-secret");
        log = LogCapture.capture(() -> assertEquals("500", answer(handler(env), SECRET)));
        assertTrue(log.contains("HTTP status 400 (ResourceNotFoundException)"), log);
        assertFalse(log.contains("can't find"), "the error's message is not repeated");
    }

    @Test
    void aRotatedSecretIsUsedAfterRestoreAndTheLastGoodServesWhileTheEndpointIsDown() {
        FakeCredentials credentials = FakeCredentials.temporary();
        secretsManager.accept(credentials);
        AuthorizerHandler handler = handler(TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials));
        assertEquals("Allow", answer(handler, SECRET));
        secretsManager.secret("prod/jwt", ROTATED);
        LogCapture.discard(() -> {
            handler.afterRestore(null);
            return null;
        });
        assertEquals("Allow", answer(handler, ROTATED));
        assertEquals("401", answer(handler, SECRET));

        secretsManager.fail(500);
        String log = LogCapture.capture(() -> handler.afterRestore(null));
        assertTrue(log.contains("HTTP status 500 (InternalServiceError)") && log.contains("\"servingLastGood\":true"), log);
        assertEquals("Allow", answer(handler, ROTATED));
        // A gateway's page instead of Secrets Manager's JSON error: still its status, not an exception's name.
        secretsManager.fail(502, "<html><body>Bad Gateway</body></html>");
        log = LogCapture.capture(() -> handler.afterRestore(null));
        assertTrue(log.contains("HTTP status 502 from Secrets Manager") && !log.contains("NullPointerException"), log);
        assertEquals("Allow", answer(handler, ROTATED));
        secretsManager.down();
        LogCapture.discard(() -> {
            handler.afterRestore(null);
            return null;
        });
        assertEquals("Allow", answer(handler, ROTATED));
    }

    @Test
    void whatCanBeKnownAtStartStopsTheStartNamingTheVariable() {
        FakeCredentials credentials = FakeCredentials.temporary();
        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        env.remove("AWS_REGION");
        ConfigException noRegion = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
        assertEquals("AWS_REGION", noRegion.variable());
        assertTrue(noRegion.getMessage().contains("JWT_SECRETS_VIA=extension"), noRegion.getMessage());

        Map<String, String> noCredentials = TestEnv.secretFromApi(secretsManager);
        ConfigException none = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(noCredentials));
        assertEquals("AWS_ACCESS_KEY_ID", none.variable());
        assertTrue(none.getMessage().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), none.getMessage());

        Map<String, String> halfKey = TestEnv.secretFromApi(secretsManager);
        halfKey.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        assertEquals("AWS_SECRET_ACCESS_KEY", assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(halfKey)).variable());

        Map<String, String> plainHttp = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        plainHttp.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://secretsmanager.example.com");
        assertEquals("AWS_ENDPOINT_URL_SECRETS_MANAGER",
                assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(plainHttp)).variable());

        Map<String, String> via = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        via.put("JWT_SECRETS_VIA", "sdk");
        ConfigException wrongVia = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(via));
        assertEquals("JWT_SECRETS_VIA", wrongVia.variable());
        for (ConfigException e : new ConfigException[] {noRegion, none, wrongVia}) {
            assertFalse(e.getMessage().contains(credentials.secretAccessKey()));
        }
    }

    @Test
    void theGeneralEndpointOverrideIsUsedWhenTheServiceOneIsNot() {
        FakeCredentials credentials = FakeCredentials.temporary();
        secretsManager.accept(credentials);
        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
        env.put("AWS_ENDPOINT_URL", env.remove("AWS_ENDPOINT_URL_SECRETS_MANAGER"));
        assertEquals("Allow", answer(handler(env), SECRET));
    }
}
