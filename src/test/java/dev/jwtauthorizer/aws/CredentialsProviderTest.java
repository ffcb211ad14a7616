package dev.jwtauthorizer.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.ContainerCredentialsFake;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where the signing credentials come from, how long container credentials are kept, and the endpoint. */
class CredentialsProviderTest {
    private static final String TOKEN = "the-container-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private ContainerCredentialsFake container;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        container = new ContainerCredentialsFake(TOKEN).expiration(NOW.plus(Duration.ofHours(1)));
        env = new HashMap<>();
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", container.url());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void containerCredentialsAreKeptUntilFiveMinutesBeforeTheyExpire() throws IOException {
        AwsCredentials first = new CredentialsProvider(env, TIMEOUT, at(NOW)).get();
        assertEquals(container.current().accessKeyId(), first.accessKeyId());
        assertEquals(container.current().sessionToken(), first.sessionToken());
        assertEquals(NOW.plus(Duration.ofHours(1)), first.expiration());

        CredentialsProvider provider = new CredentialsProvider(env, TIMEOUT, at(NOW));
        provider.get();
        provider.get();
        assertEquals(2, container.requests(), "one fetch per provider while the credentials are fresh");

        CredentialsProvider late = new CredentialsProvider(env, TIMEOUT, at(NOW.plus(Duration.ofMinutes(55))));
        late.get();
        late.get();
        assertEquals(4, container.requests(), "within five minutes of the expiration: fetched at every use");
    }

    @Test
    void forgetMakesTheNextUseFetchAgain() throws IOException {
        CredentialsProvider provider = new CredentialsProvider(env, TIMEOUT, at(NOW));
        provider.get();
        String rotated = container.rotate().accessKeyId();
        provider.forget();
        assertEquals(rotated, provider.get().accessKeyId());
        assertEquals(2, container.requests());
    }

    @Test
    void environmentCredentialsComeFirstAndAreNeverFetched() throws IOException {
        env.put("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT1");
        env.put("AWS_SECRET_ACCESS_KEY", "secret-from-environment");
        AwsCredentials credentials = new CredentialsProvider(env, TIMEOUT, at(NOW)).get();
        assertEquals("AKIAFROMENVIRONMENT1", credentials.accessKeyId());
        assertNull(credentials.sessionToken());
        assertEquals(0, container.requests());
        assertFalse(credentials.toString().contains("secret-from-environment"));
    }

    @Test
    void aRefusedContainerTokenIsAnIOExceptionThatDoesNotQuoteIt() {
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a-wrong-token");
        IOException e = assertThrows(IOException.class, () -> new CredentialsProvider(env, TIMEOUT, at(NOW)).get());
        assertTrue(e.getMessage().contains("HTTP status 401"), e.getMessage());
        assertFalse(e.getMessage().contains("a-wrong-token"));
        env.clear();
        assertTrue(assertThrows(IOException.class, () -> new CredentialsProvider(env, TIMEOUT, at(NOW)).get())
                .getMessage().startsWith("no AWS credentials"));
    }

    @Test
    void plainHttpToAContainerEndpointIsOnlyForLoopbackAndTheContainerAddresses() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://credentials.example.com/creds");
        assertEquals("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                assertThrows(AwsSettingException.class, () -> CredentialsProvider.check(env)).variable());
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials");
        CredentialsProvider.check(env);
        env.remove("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        assertEquals(URI.create("http://169.254.170.2/v2/credentials/abc"), ContainerCredentials.endpoint(env));
    }

    @Test
    void theEndpointIsTheRegionsUnlessOverridden() {
        assertEquals(URI.create("https://secretsmanager.eu-west-1.amazonaws.com/"),
                SecretsManagerEndpoint.from(Map.of("AWS_REGION", "eu-west-1")).uri());
        assertEquals(URI.create("https://secretsmanager.cn-north-1.amazonaws.com.cn/"),
                SecretsManagerEndpoint.from(Map.of("AWS_REGION", "cn-north-1")).uri());
        SecretsManagerEndpoint overridden = SecretsManagerEndpoint.from(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "https://general.example", "AWS_ENDPOINT_URL_SECRETS_MANAGER", "https://vpce.example:8443"));
        assertEquals(URI.create("https://vpce.example:8443/"), overridden.uri());
        assertEquals("us-east-1", overridden.region());
        assertEquals("AWS_REGION", assertThrows(AwsSettingException.class,
                () -> SecretsManagerEndpoint.from(Map.of("AWS_REGION", "evil.com/x"))).variable());
        assertEquals("AWS_ENDPOINT_URL", assertThrows(AwsSettingException.class, () -> SecretsManagerEndpoint.from(
                Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://10.0.0.1:4566"))).variable());
    }
}
