package dev.jwtauthorizer.config;

/**
 * Every environment variable the authorizer reads. The names are a public contract: templates and
 * tooling set them. A per-issuer setting also has a field name: the same setting in an entry of
 * JWT_ISSUERS.
 */
public enum Setting {
    JWT_ISSUER("issuer", null, "Required unless JWT_ISSUERS or JWT_COGNITO_USER_POOL_ID is set. Accepted `iss` values, comma-separated; a token's `iss` must equal one exactly."),
    JWT_AUDIENCE("audiences", null, "Required. Accepted audiences, comma-separated; a token's `aud` must contain at least one. With Cognito: the app client ids."),
    JWT_ALGORITHMS("algorithms", "RS256", "Allowed algorithms, comma-separated: RS256/384/512, PS256/384/512, ES256/384/512, HS256/384/512."),
    JWT_JWKS_URI("jwksUri", null, "Key set URL: `https://...`; `http://` only for loopback (127.0.0.0/8, ::1, localhost); `file:/path` for local use. Unset (and no JWT_JWKS or JWT_JWKS_FILE): found by OIDC discovery from the issuer."),
    JWT_JWKS("jwks", null, "The key set itself, as JSON (`{\"keys\":[...]}`), instead of JWT_JWKS_URI: for static keys and local use."),
    JWT_JWKS_FILE(null, null, "Path of a key set file (`{\"keys\":[...]}`) instead of JWT_JWKS_URI: keys packaged with the function (`src/main/resources`), looked up like JWT_RULES_FILE; read and checked once, at start. With JWT_JWKS_URI, only when that is a `file:` URI of the same file."),
    JWT_HMAC_SECRET("hmacSecret", null, "Shared secret for HS256/384/512 (UTF-8; `base64:` prefix for binary). At least 32/48/64 bytes, no surrounding whitespace, never a public key. One of it and JWT_HMAC_SECRET_ID is required when an HS algorithm is allowed. As `hmacSecret` only in JWT_ISSUERS, never in JWT_ISSUERS_FILE."),
    JWT_HMAC_SECRET_ID("hmacSecretId", null, "Name or ARN of a Secrets Manager secret holding the HS secret (SecretString, same format as JWT_HMAC_SECRET, or SecretBinary), read as JWT_SECRETS_VIA says."),
    JWT_HMAC_SECRET_JSON_KEY("hmacSecretJsonKey", null, "With JWT_HMAC_SECRET_ID: the secret is stored as key/value pairs (a JSON object in SecretString, as the console makes them) and this key's value is the HS secret. Unset: the whole SecretString is the secret."),
    JWT_TOKEN_TYPES("tokenTypes", null, "Accepted `typ` header values, comma-separated (`at+jwt` refuses ID tokens); compared ignoring case and an `application/` prefix. Unset: `typ` is not checked."),
    JWT_COGNITO_USER_POOL_ID("cognitoUserPoolId", null, "Amazon Cognito user pool id (`eu-west-1_AbC123`): issuer and key set URL are derived from it, `token_use` is checked, and JWT_AUDIENCE holds app client ids."),
    JWT_COGNITO_TOKEN_USE("cognitoTokenUse", null, "With a Cognito pool: `access` (the default; the app client id is checked in `client_id`) or `id` (checked in `aud`)."),
    JWT_RULES("rules", null, "Claims-to-routes rules as JSON (see Rules). Without rules, a valid token may call every route of its stage."),
    JWT_RULES_FILE(null, null, "Path of a rules file instead of JWT_RULES; a relative path is looked up under LAMBDA_TASK_ROOT (or the working directory), then in the package."),
    JWT_ISSUERS(null, null, "Several issuers, each with its own settings, as a JSON array (see Several issuers); replaces the per-issuer variables."),
    JWT_ISSUERS_FILE(null, null, "Path of a file holding JWT_ISSUERS's JSON, looked up like JWT_RULES_FILE."),
    JWT_LEEWAY_SECONDS(null, "5", "Clock skew allowed on `exp`, `nbf` and `iat`, 0-300."),
    JWT_MAX_TOKEN_LENGTH(null, "8192", "Longest Authorization value accepted, checked before any parsing, 256-65536."),
    JWT_PRINCIPAL_CLAIM(null, "sub", "Claim used as `principalId`; a token without it is rejected."),
    JWT_CONTEXT_CLAIMS(null, null, "Claims copied into the authorizer `context`, comma-separated (lists joined with commas)."),
    JWT_USAGE_IDENTIFIER_CLAIM(null, null, "Claim used as `usageIdentifierKey` (API keys from the authorizer)."),
    JWT_TOKEN_SOURCES(null, "header:Authorization", "Where REQUEST events (REST REQUEST, HTTP API, WebSocket) carry the token: an ordered, comma-separated list of `header:NAME` (`Bearer <jwt>` or a bare JWT), `cookie:NAME`, `query:NAME` and `protocol:MARKER` (the entry after MARKER in Sec-WebSocket-Protocol). TOKEN events use the header API Gateway passes."),
    JWT_HTTP_API_RESPONSE(null, "simple", "The answer to HTTP API payload 2.0 events: `simple` (`{\"isAuthorized\":...}`, for authorizers with simple responses enabled) or `policy` (an IAM policy)."),
    JWT_API_KEYS(null, null, "API keys for machine clients, inline: the key list document as JSON (`{\"keys\":[{\"id\":...,\"hash\":\"sha256:...\",\"principal\":...,\"allow\":[...]}]}`, hashes only; see API keys), for local use. At most one of it, JWT_API_KEYS_FILE and JWT_API_KEYS_SECRET_ID."),
    JWT_API_KEYS_FILE(null, null, "Path of a file holding the API key list document, looked up like JWT_RULES_FILE."),
    JWT_API_KEYS_SECRET_ID(null, null, "Name or ARN of a Secrets Manager secret whose SecretString is the API key list document: keys rotate without a deployment."),
    JWT_API_KEY_SOURCES(null, "header:x-api-key", "Where requests carry an API key, with the syntax of JWT_TOKEN_SOURCES. Read only when API keys are configured."),
    JWT_CUSTOM_CHECK(null, null, "Your own check, run for every request whose JWT or API key passed: the fully qualified name of a public class implementing `dev.jwtauthorizer.extension.AuthorizationCheck`, with a public no-argument constructor, on the class path (a layer's `java/lib/your-checks.jar`). It may reject (401), deny (403), add context or narrow the routes; if it throws, the request fails closed (500). See Add your own check."),
    JWT_SECRETS_VIA(null, "api", "How secrets (JWT_HMAC_SECRET_ID, JWT_API_KEYS_SECRET_ID) are read: `api` (a signed GetSecretValue call with the function's own credentials; SnapStart stays on) or `extension` (the AWS Parameters and Secrets Lambda Extension; no SnapStart)."),
    JWT_JWKS_TIMEOUT_MS(null, "2000", "Connect and read timeout of each fetch (key set, discovery document, secret), 100-10000."),
    JWT_JWKS_REFRESH_COOLDOWN_SECONDS(null, "30", "Least time between two fetches of one key set or secret for the same cause: refetches for unknown `kid`s have their own budget, apart from refreshes due to age and retries after failures, 1-3600, less than JWT_KEYS_MAX_AGE_SECONDS."),
    JWT_KEYS_MAX_AGE_SECONDS(null, "600", "Age after which a fetched key set or secret is refetched in the background, 60-86400."),
    JWT_KEYS_MAX_STALE_SECONDS(null, "3600", "How long the last good key set or secret keeps serving when refetches fail; after that requests fail closed (500). At least JWT_KEYS_MAX_AGE_SECONDS, at most 604800.");

    private final String issuerField;
    private final String defaultValue;
    private final String description;

    Setting(String issuerField, String defaultValue, String description) {
        this.issuerField = issuerField;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The field of a JWT_ISSUERS entry that holds this setting; null for settings shared by all issuers. */
    public String issuerField() {
        return issuerField;
    }

    /** The value used when the variable is unset or blank; null when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
