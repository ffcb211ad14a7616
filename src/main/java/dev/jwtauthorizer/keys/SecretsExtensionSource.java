package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A secret from AWS Secrets Manager, read through the AWS Parameters and Secrets Lambda Extension's
 * endpoint on localhost: {@code GET /secretsmanager/get?secretId=...} with the function's session
 * token in {@code X-Aws-Parameters-Secrets-Token}. The answer is GetSecretValue's JSON; the secret is
 * its SecretString (as text, where a {@code base64:} prefix means binary), or its SecretBinary.
 *
 * <p>With a JSON key (JWT_HMAC_SECRET_JSON_KEY), the SecretString is a JSON object, as the console
 * stores a key/value secret, and the secret is that member's string.
 *
 * <p>The extension rather than the AWS SDK: no dependency, no SDK start-up, and the extension's own
 * cache spares Secrets Manager calls. Nothing of the answer but its status reaches an error message.
 * An answer that cannot be had or read is an {@link IOException}; a secret whose content is not in
 * the configured shape is an {@link IllegalArgumentException}, which no retry will fix.
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
        byte[] answer = HttpGet.fetch(uri, timeout, MAX_BYTES, Map.of("X-Aws-Parameters-Secrets-Token", token));
        Map<String, Object> document;
        try {
            document = Json.asObject(Json.read(answer));
        } catch (IllegalArgumentException e) {
            // Even the parser's reason is left out: it could quote the secret.
            throw new IOException("the Secrets extension's answer is not JSON");
        }
        String text = document == null ? null : Json.text(document, "SecretString");
        if (text != null) {
            return (jsonKey == null ? text : member(text)).getBytes(StandardCharsets.UTF_8);
        }
        String binary = document == null ? null : Json.text(document, "SecretBinary");
        if (binary != null && jsonKey != null) {
            throw new IllegalArgumentException("the secret is binary (SecretBinary), but JWT_HMAC_SECRET_JSON_KEY "
                    + "(hmacSecretJsonKey) expects a JSON object in SecretString; unset it");
        }
        if (binary != null) {
            try {
                byte[] bytes = Base64.getDecoder().decode(binary);
                return ("base64:" + Base64.getEncoder().encodeToString(bytes)).getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IOException("the secret's SecretBinary is not base64");
            }
        }
        throw new IOException("the Secrets extension's answer has neither SecretString nor SecretBinary");
    }

    /** The JSON key's member of a key/value secret; never a word of the secret in a message. */
    private String member(String secretString) {
        Map<String, Object> object;
        try {
            object = Json.asObject(Json.read(secretString));
        } catch (IllegalArgumentException e) {
            object = null;
        }
        if (object == null) {
            throw new IllegalArgumentException("the SecretString is not a JSON object, but JWT_HMAC_SECRET_JSON_KEY "
                    + "(hmacSecretJsonKey) is set; store the secret as key/value pairs, or unset it to use the whole SecretString");
        }
        if (!object.containsKey(jsonKey)) {
            throw new IllegalArgumentException("the SecretString's JSON object has no member \"" + jsonKey
                    + "\" (JWT_HMAC_SECRET_JSON_KEY); set it to the key the secret is stored under");
        }
        if (!(object.get(jsonKey) instanceof String value)) {
            throw new IllegalArgumentException("the SecretString's member \"" + jsonKey + "\" is not a string");
        }
        return value;
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
