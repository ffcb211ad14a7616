package dev.jwtauthorizer;

import static dev.jwtauthorizer.ApiKeysEveryApiKindTest.assertAnswer;
import static dev.jwtauthorizer.ApiKeysEveryApiKindTest.callWithKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.EveryApiKindTest.Api;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.ApiGateway.Status;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.ContainerCredentialsFake;
import dev.jwtauthorizer.support.FakeCredentials;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.SecretsManagerFake;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * API keys as the template deploys them: the key list in a Secrets Manager secret read with a
 * signed GetSecretValue call (JWT_SECRETS_VIA=api, the default) and the container credentials a
 * SnapStart function gets, against a fake that checks every signature. Rotation, a restore with new
 * credentials, and an outage, through the real handler in every kind of API.
 */
class ApiKeysFromSecretsManagerTest {
    private static final String CONTAINER_TOKEN = "container-authorization-token-ak1";
    private static final Duration MAX_STALE = Duration.ofHours(1);

    private final AtomicLong nanos = new AtomicLong();
    private SecretsManagerFake secretsManager;
    private ContainerCredentialsFake container;

    @BeforeEach
    void start() throws Exception {
        container = new ContainerCredentialsFake(CONTAINER_TOKEN);
        secretsManager = new SecretsManagerFake().accept(container.current())
                .secret(ApiKeys.SECRET_ID, ApiKeys.document(ApiKeys.acmeEntry()));
    }

    @AfterEach
    void stop() {
        secretsManager.close();
        container.close();
    }

    private Authorizer authorizer(Api api) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_API_KEYS_SECRET_ID", ApiKeys.SECRET_ID);
        env.put("AWS_REGION", SecretsManagerFake.REGION);
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.url());
        // No AWS_ACCESS_KEY_ID: a SnapStart function's credentials come from the container endpoint.
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN);
        env.put("JWT_KEYS_MAX_STALE_SECONDS", String.valueOf(MAX_STALE.toSeconds()));
        env.put("JWT_HTTP_API_RESPONSE", api.simpleResponses ? "simple" : "policy");
        return LogCapture.discard(() -> Authorizer.create(AuthorizerConfig.fromEnvironment(env),
                Clock.systemUTC(), nanos::get, Runnable::run));
    }


    @ParameterizedTest
    @EnumSource(Api.class)
    void keysRotateInTheSecretAndARestoreReadsItWithNewCredentials(Api api) {
        Authorizer authorizer = authorizer(api);
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), "the key in the secret");
        assertEquals(1, secretsManager.served(), "read once, at start");

        secretsManager.secret(ApiKeys.SECRET_ID, ApiKeys.document(ApiKeys.acmeEntry(), ApiKeys.acmeNextEntry()));
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME_NEXT), "a key added, on its first use");
        assertEquals(2, secretsManager.served(), "one signed refetch, on the miss");

        // While the snapshot waited, the old key was withdrawn and the snapshot's credentials expired.
        FakeCredentials old = container.current();
        secretsManager.accept(container.rotate()).withdraw(old).secret(ApiKeys.SECRET_ID, ApiKeys.document(ApiKeys.acmeNextEntry()));
        LogCapture.discard(() -> {
            authorizer.afterRestore();
            return null;
        });
        assertAnswer(Status.UNAUTHORIZED_401, Reason.API_KEY_NOT_RECOGNISED, callWithKey(authorizer, api, ApiKeys.ACME), "the withdrawn key");
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME_NEXT), "the new key");
        assertEquals(2, container.requests(), "credentials fetched again after the restore");
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void anOutageIsRiddenOutOnTheLastGoodListThenRequestsFailClosed(Api api) {
        Authorizer authorizer = authorizer(api);
        secretsManager.down();
        nanos.addAndGet(MAX_STALE.minusMinutes(1).toNanos());
        assertAnswer(Status.ALLOWED, Reason.ROUTE_ALLOWED, callWithKey(authorizer, api, ApiKeys.ACME), "within the staleness limit");
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertAnswer(Status.ERROR_500, Reason.SECRET_UNAVAILABLE, callWithKey(authorizer, api, ApiKeys.ACME), "past it");
        // What a failed signed fetch writes: where from and why, and nothing of the credentials.
        String logs = LogCapture.capture(authorizer::afterRestore);
        assertTrue(logs.contains("keys_fetch_failed"), logs);
        for (String material : concat(ApiKeys.material(ApiKeys.ACME), List.of(container.current().secretAccessKey(),
                container.current().sessionToken(), CONTAINER_TOKEN))) {
            assertFalse(logs.contains(material), "a log line holds key or credential material");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
