package dev.jwtauthorizer.support;

import java.util.HashMap;
import java.util.Map;

/** Environment maps for an authorizer under test. */
public final class TestEnv {
    private TestEnv() {
    }

    /** Issuer and audience of {@link Tokens}, RS256, the given key set inline. */
    public static Map<String, String> withJwks(String jwks) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", Tokens.ISSUER);
        env.put("JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("JWT_JWKS", jwks);
        return env;
    }

    /** Issuer and audience of {@link Tokens}, RS256, keys fetched from a URL. */
    public static Map<String, String> withJwksUri(String url) {
        Map<String, String> env = rsa();
        env.remove("JWT_JWKS");
        env.put("JWT_JWKS_URI", url);
        return env;
    }

    /**
     * Issuer and audience of {@link Tokens}, HS256, the secret "prod/jwt" read through a Parameters
     * and Secrets extension listening on the given loopback port.
     */
    public static Map<String, String> secretFromExtension(int port) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", Tokens.ISSUER);
        env.put("JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("JWT_ALGORITHMS", "HS256");
        env.put("JWT_HMAC_SECRET_ID", "prod/jwt");
        env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(port));
        env.put("AWS_SESSION_TOKEN", "the-session-token");
        env.put("JWT_SECRETS_VIA", "extension");
        return env;
    }

    /**
     * Issuer and audience of {@link Tokens}, HS256, the secret "prod/jwt" read with a signed GetSecretValue
     * call (JWT_SECRETS_VIA=api, the default) from a {@link SecretsManagerFake}; no credentials yet.
     */
    public static Map<String, String> secretFromApi(SecretsManagerFake secretsManager) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", Tokens.ISSUER);
        env.put("JWT_AUDIENCE", Tokens.AUDIENCE);
        env.put("JWT_ALGORITHMS", "HS256");
        env.put("JWT_HMAC_SECRET_ID", "prod/jwt");
        env.put("AWS_REGION", SecretsManagerFake.REGION);
        env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.url());
        return env;
    }

    /** Environment credentials, as Lambda sets them for a function without SnapStart. */
    public static Map<String, String> withCredentials(Map<String, String> env, FakeCredentials credentials) {
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        return env;
    }

    /** The same, with one RSA key "rsa-1" (use sig, alg RS256). */
    public static Map<String, String> rsa() {
        return withJwks(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "use", "sig", "alg", "RS256")));
    }
}
