package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.SecretsExtensionSource;
import java.time.Duration;
import java.util.Map;

/** Where a Secrets Manager secret is read from, as JWT_SECRETS_VIA says. (Stub: issue 14 in progress.) */
public final class SecretSources {
    private static final int DEFAULT_EXTENSION_PORT = 2773;

    private SecretSources() {
    }

    /**
     * @param jsonKey the member of a key/value secret's JSON that holds the value; null: the whole SecretString
     * @param setting the setting that named the secret, for error messages
     */
    public static KeySource forSecret(String secretId, String jsonKey, Setting setting, Map<String, String> environment,
                                      Duration timeout) {
        String port = environment.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
        int number;
        try {
            number = port == null || port.isBlank() ? DEFAULT_EXTENSION_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "\"" + port + "\" is not a port number");
        }
        return new SecretsExtensionSource(secretId, jsonKey, number, timeout, () -> environment.get("AWS_SESSION_TOKEN"));
    }
}
