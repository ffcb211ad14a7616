package dev.jwtauthorizer.config;

/**
 * Every environment variable the authorizer reads. The names are a public contract: templates and
 * tooling set them.
 */
public enum Setting {
    JWT_ISSUER(null, "Required. Accepted `iss` values, comma-separated; a token's `iss` must equal one exactly."),
    JWT_AUDIENCE(null, "Required. Accepted audiences, comma-separated; a token's `aud` must contain at least one."),
    JWT_ALGORITHMS("RS256", "Allowed algorithms, comma-separated: RS256/384/512, PS256/384/512, ES256/384/512, HS256/384/512."),
    JWT_JWKS_URI(null, "Key set URL: `https://...`; `http://` only for 127.0.0.1/::1/localhost; `file:/path` for local use. Required for RS/PS/ES unless JWT_JWKS is set."),
    JWT_JWKS(null, "The key set itself, as JSON (`{\"keys\":[...]}`), instead of JWT_JWKS_URI: for static keys and local use."),
    JWT_HMAC_SECRET(null, "Shared secret for HS256/384/512 (UTF-8; `base64:` prefix for binary). At least 32/48/64 bytes. Required when an HS algorithm is allowed."),
    JWT_TOKEN_TYPES(null, "Accepted `typ` header values, comma-separated (`at+jwt` refuses ID tokens); compared ignoring case and an `application/` prefix. Unset: `typ` is not checked."),
    JWT_LEEWAY_SECONDS("5", "Clock skew allowed on `exp`, `nbf` and `iat`, 0-300."),
    JWT_MAX_TOKEN_LENGTH("8192", "Longest Authorization value accepted, checked before any parsing, 256-65536."),
    JWT_PRINCIPAL_CLAIM("sub", "Claim used as `principalId`; a token without it is rejected."),
    JWT_CONTEXT_CLAIMS(null, "Claims copied into the authorizer `context`, comma-separated (lists joined with commas)."),
    JWT_USAGE_IDENTIFIER_CLAIM(null, "Claim used as `usageIdentifierKey` (API keys from the authorizer)."),
    JWT_RULES(null, "Claims-to-routes rules as JSON (see Rules). Without rules, a valid token may call every route of its stage."),
    JWT_RULES_FILE(null, "Path of a rules file instead of JWT_RULES; a relative path is looked up under LAMBDA_TASK_ROOT (or the working directory), then in the package."),
    JWT_JWKS_TIMEOUT_MS("2000", "Connect and read timeout of a key set fetch, 100-10000."),
    JWT_JWKS_REFRESH_COOLDOWN_SECONDS("30", "Least time between two key set fetches caused by unknown `kid`s, 1-3600.");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The value used when the variable is unset or blank; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
