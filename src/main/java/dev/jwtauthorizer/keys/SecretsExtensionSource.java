package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A secret from AWS Secrets Manager, read through the AWS Parameters and Secrets Lambda Extension's
 * endpoint on localhost: {@code GET /secretsmanager/get?secretId=...} with the function's session
 * token in {@code X-Aws-Parameters-Secrets-Token}. The answer is GetSecretValue's JSON, read by
 * {@link GetSecretValueAnswer} exactly as {@link SecretsManagerSource} reads Secrets Manager's own.
 *
 * <p>JWT_SECRETS_VIA=extension. The extension's own cache spares Secrets Manager calls, but a function
 * with an extension cannot use SnapStart. Nothing of the answer but its status reaches an error message.
 */
public final class SecretsExtensionSource implements KeySource {
    private static final int MAX_BYTES = 64 * 1024;

    private final String secretId;
    private final String jsonKey;
    private final URI uri;
    private final Duration timeout;
    private final Supplier<String> sessionToken;

    /** @param sessionToken read at each fetch: after a SnapStart restore the credentials are new */
    public SecretsExtensionSource(String secretId, int port, Duration timeout, Supplier<String> sessionToken) {
        this(secretId, null, port, timeout, sessionToken);
    }

    /** @param jsonKey the member of the SecretString's JSON object that holds the secret; null: the whole SecretString */
    public SecretsExtensionSource(String secretId, String jsonKey, int port, Duration timeout, Supplier<String> sessionToken) {
        this.secretId = secretId;
        this.jsonKey = jsonKey;
        this.uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.sessionToken = sessionToken;
    }

    @Override
    public byte[] fetch() throws IOException {
        String token = sessionToken.get();
        if (token == null || token.isEmpty()) {
            throw new IOException("AWS_SESSION_TOKEN is not set, so the Secrets extension cannot be asked");
        }
        byte[] answer = HttpFetch.get(uri, timeout, MAX_BYTES, Map.of("X-Aws-Parameters-Secrets-Token", token));
        return GetSecretValueAnswer.secret(answer, jsonKey, "the Secrets extension's answer");
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String describe() {
        return jsonKey == null ? "secret " + secretId : "secret " + secretId + " member " + jsonKey;
    }
}
