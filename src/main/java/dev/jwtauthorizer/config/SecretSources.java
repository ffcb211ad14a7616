package dev.jwtauthorizer.config;

import dev.jwtauthorizer.aws.AwsSettingException;
import dev.jwtauthorizer.aws.CredentialsProvider;
import dev.jwtauthorizer.aws.SecretsManagerEndpoint;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.SecretsExtensionSource;
import dev.jwtauthorizer.keys.SecretsManagerSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Where a Secrets Manager secret is read from, as JWT_SECRETS_VIA says: {@code api} (the default), a
 * signed GetSecretValue call with the function's own credentials, which keeps SnapStart possible; or
 * {@code extension}, the Parameters and Secrets Lambda Extension on localhost. Everything that reads a
 * secret comes here, so both paths read every secret alike.
 *
 * <p>What can be known before the first fetch (the region, that credentials are configured at all) is
 * checked now, so a function that cannot read its secret says so at start.
 */
public final class SecretSources {
    private static final int DEFAULT_EXTENSION_PORT = 2773;

    private SecretSources() {
    }

    /**
     * @param jsonKey the member of a key/value secret's JSON that holds the value; null: the whole SecretString
     * @param setting the setting that named the secret, for error messages
     * @throws ConfigException for a JWT_SECRETS_VIA, region, endpoint or credentials setting that cannot work
     */
    public static KeySource forSecret(String secretId, String jsonKey, Setting setting, Map<String, String> environment,
                                      Duration timeout) {
        return switch (via(environment)) {
            case "api" -> api(secretId, jsonKey, setting, environment, timeout);
            default -> extension(secretId, jsonKey, environment, timeout);
        };
    }

    /**
     * JWT_SECRETS_VIA, {@code api} or {@code extension}: checked whether or not a secret is read, so
     * that a wrong value never waits unnoticed for the day one is.
     *
     * @throws ConfigException for any other value
     */
    static String via(Map<String, String> environment) {
        String via = environment.get(Setting.JWT_SECRETS_VIA.name());
        via = via == null || via.isBlank() ? Setting.JWT_SECRETS_VIA.defaultValue() : via.strip().toLowerCase(Locale.ROOT);
        if (!via.equals("api") && !via.equals("extension")) {
            throw new ConfigException(Setting.JWT_SECRETS_VIA, "\"" + environment.get(Setting.JWT_SECRETS_VIA.name())
                    + "\" is not api or extension; api (the default) reads secrets with a signed "
                    + "GetSecretValue call, extension through the Parameters and Secrets Lambda Extension");
        }
        return via;
    }

    private static KeySource api(String secretId, String jsonKey, Setting setting, Map<String, String> environment,
                                 Duration timeout) {
        SecretsManagerEndpoint endpoint;
        try {
            endpoint = SecretsManagerEndpoint.from(environment);
            CredentialsProvider.check(environment);
        } catch (AwsSettingException e) {
            throw new ConfigException(e.variable(), e.problem() + " (needed for " + setting.name() + ")");
        }
        CredentialsProvider credentials = new CredentialsProvider(environment, timeout, Clock.systemUTC());
        return new SecretsManagerSource(secretId, jsonKey, endpoint, credentials, timeout, Clock.systemUTC());
    }

    private static KeySource extension(String secretId, String jsonKey, Map<String, String> environment, Duration timeout) {
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
