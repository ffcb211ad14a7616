package dev.jwtauthorizer.config;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.request.TokenSources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@link AuthorizerConfig} from environment variables, failing on the first wrong one.
 *
 * <p>The per-issuer settings come either from the variables themselves (one issuer, or several
 * sharing everything) or from the entries of JWT_ISSUERS; both are read by {@link IssuerReader}
 * through {@link IssuerFields}, so an entry means exactly what the variables mean. Keys and
 * secrets are read by {@link KeysReader}; an unknown JWT_* variable stops the start first
 * ({@link UnknownVariables}).
 */
final class ConfigReader {
    private final Map<String, String> environment;
    private final EnvironmentFields variables;
    private final ConfigFiles files;

    ConfigReader(Map<String, String> environment) {
        this.environment = environment;
        this.variables = new EnvironmentFields(environment);
        this.files = new ConfigFiles(environment.get("LAMBDA_TASK_ROOT"));
    }

    AuthorizerConfig read() {
        UnknownVariables.check(environment);
        SecretSources.via(environment);
        Duration fetchTimeout = Duration.ofMillis(integer(Setting.JWT_JWKS_TIMEOUT_MS, 100, 10_000));
        int maxAge = integer(Setting.JWT_KEYS_MAX_AGE_SECONDS, 60, 86_400);
        int maxStale = integer(Setting.JWT_KEYS_MAX_STALE_SECONDS, 60, 604_800);
        if (maxStale < maxAge) {
            throw new ConfigException(Setting.JWT_KEYS_MAX_STALE_SECONDS, maxStale + " is less than "
                    + Setting.JWT_KEYS_MAX_AGE_SECONDS.name() + " (" + maxAge + ")");
        }
        int cooldown = integer(Setting.JWT_JWKS_REFRESH_COOLDOWN_SECONDS, 1, 3600);
        if (cooldown >= maxAge) {
            // Refreshes due to age wait for the cooldown: a withdrawn key would outlive the age, and a
            // set whose staleness bound came first would fail every request until the cooldown ended.
            throw new ConfigException(Setting.JWT_JWKS_REFRESH_COOLDOWN_SECONDS, cooldown + " is not less than "
                    + Setting.JWT_KEYS_MAX_AGE_SECONDS.name() + " (" + maxAge + "); keys are refreshed after at most "
                    + "the age, so the cooldown must be shorter");
        }
        KeyLifetime lifetime = new KeyLifetime(Duration.ofSeconds(maxAge), Duration.ofSeconds(maxStale),
                Duration.ofSeconds(cooldown));
        IssuerReader issuerReader = new IssuerReader(new KeysReader(environment, files, fetchTimeout), files, fetchTimeout);
        ApiKeysConfig apiKeys = new ApiKeysReader(environment, variables, files, fetchTimeout).read();
        return new AuthorizerConfig(
                apiKeys != null && noIssuerGiven() ? List.of() : issuers(issuerReader),
                Duration.ofSeconds(integer(Setting.JWT_LEEWAY_SECONDS, 0, 300)),
                integer(Setting.JWT_MAX_TOKEN_LENGTH, 256, 65_536),
                claim(Setting.JWT_PRINCIPAL_CLAIM, variables.get(Setting.JWT_PRINCIPAL_CLAIM)),
                contextClaims(),
                claim(Setting.JWT_USAGE_IDENTIFIER_CLAIM, variables.get(Setting.JWT_USAGE_IDENTIFIER_CLAIM)),
                fetchTimeout,
                lifetime,
                tokenSources(),
                httpApiResponse(),
                apiKeys,
                customCheck());
    }

    /**
     * Whether no JWT issuer is configured at all: with API keys, that is API-key-only mode. A
     * setting that only means something for JWTs and has no default, given anyway, most likely
     * means the issuer was forgotten: say so rather than refuse every JWT. (JWT_ALGORITHMS, rules and
     * the claims settings are left alone: the template gives them defaults.)
     */
    private boolean noIssuerGiven() {
        for (Setting issuer : List.of(Setting.JWT_ISSUER, Setting.JWT_ISSUERS, Setting.JWT_ISSUERS_FILE,
                Setting.JWT_COGNITO_USER_POOL_ID)) {
            if (variables.raw(issuer.name()) != null) {
                return false;
            }
        }
        for (Setting jwtOnly : List.of(Setting.JWT_AUDIENCE, Setting.JWT_JWKS_URI, Setting.JWT_JWKS, Setting.JWT_JWKS_FILE,
                Setting.JWT_HMAC_SECRET, Setting.JWT_HMAC_SECRET_ID, Setting.JWT_HMAC_SECRET_JSON_KEY, Setting.JWT_TOKEN_TYPES,
                Setting.JWT_COGNITO_TOKEN_USE)) {
            if (variables.raw(jwtOnly.name()) != null) {
                throw new ConfigException(jwtOnly, "is set, but no JWT issuer is (JWT_ISSUER, JWT_ISSUERS, JWT_ISSUERS_FILE "
                        + "or JWT_COGNITO_USER_POOL_ID); set one to accept JWTs too, or unset it to accept API keys only");
            }
        }
        return true;
    }

    /** A class name, checked for its shape here; loading it is left to the function, which owns the class path. */
    private String customCheck() {
        String name = variables.get(Setting.JWT_CUSTOM_CHECK);
        if (name != null && !ClassName.PATTERN.matcher(name).matches()) {
            throw new ConfigException(Setting.JWT_CUSTOM_CHECK, "\"" + name
                    + "\" is not a fully qualified Java class name like com.example.checks.TenantCheck");
        }
        return name;
    }

    private TokenSources tokenSources() {
        try {
            return TokenSources.parse(variables.get(Setting.JWT_TOKEN_SOURCES));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Setting.JWT_TOKEN_SOURCES, e.getMessage());
        }
    }

    private HttpApiResponse httpApiResponse() {
        String value = variables.get(Setting.JWT_HTTP_API_RESPONSE);
        return switch (value) {
            case "simple" -> HttpApiResponse.SIMPLE;
            case "policy" -> HttpApiResponse.POLICY;
            default -> throw new ConfigException(Setting.JWT_HTTP_API_RESPONSE, "\"" + value
                    + "\" is neither simple nor policy; use the one that matches the HTTP API authorizer's EnableSimpleResponses");
        };
    }

    private List<IssuerConfig> issuers(IssuerReader reader) {
        String inline = variables.get(Setting.JWT_ISSUERS);
        String file = variables.get(Setting.JWT_ISSUERS_FILE);
        if (inline != null && file != null) {
            throw new ConfigException(Setting.JWT_ISSUERS, "and JWT_ISSUERS_FILE are both set; use one");
        }
        if (inline == null && file == null) {
            return reader.read(variables);
        }
        Setting source = inline != null ? Setting.JWT_ISSUERS : Setting.JWT_ISSUERS_FILE;
        for (Setting setting : Setting.values()) {
            boolean perIssuer = setting.issuerField() != null || setting == Setting.JWT_RULES_FILE || setting == Setting.JWT_JWKS_FILE;
            if (perIssuer && variables.raw(setting.name()) != null) {
                throw new ConfigException(setting, "is set, but so is " + source.name()
                        + ": give per-issuer settings in each of its entries instead");
            }
        }
        String json = inline != null ? inline : files.read(Setting.JWT_ISSUERS_FILE, file);
        Object root;
        try {
            root = Json.read(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof List<?> entries) || entries.isEmpty()) {
            throw new ConfigException(source, "expected a non-empty JSON array of issuers like "
                    + "[{\"issuer\":\"https://login.example.com\",\"audiences\":[\"api\"]}]");
        }
        List<IssuerConfig> issuers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            for (IssuerConfig issuer : reader.read(EntryFields.of(source, i + 1, entries.get(i)))) {
                for (String iss : issuer.issuers()) {
                    if (!seen.add(iss)) {
                        throw new ConfigException(source, "issuer " + iss + " appears in more than one entry");
                    }
                }
                issuers.add(issuer);
            }
        }
        return issuers;
    }

    private List<ClaimPath> contextClaims() {
        List<ClaimPath> claims = new ArrayList<>();
        for (String name : variables.list(Setting.JWT_CONTEXT_CLAIMS)) {
            ClaimPath claim = claim(Setting.JWT_CONTEXT_CLAIMS, name);
            // A backend reads these two as the authorizer's own word; a claim must not stand in for it.
            if (claim.text().equals("principalId") || claim.text().equals("apiKeyId")) {
                throw new ConfigException(Setting.JWT_CONTEXT_CLAIMS, "\"" + claim.text()
                        + "\" may not be a context key: the authorizer sets principalId and apiKeyId itself; name another claim");
            }
            claims.add(claim);
        }
        return List.copyOf(claims);
    }

    /** A claim named as in rules; null stays null (not configured). */
    private static ClaimPath claim(Setting setting, String name) {
        try {
            return name == null ? null : ClaimPath.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, e.getMessage());
        }
    }

    private int integer(Setting setting, int min, int max) {
        String value = variables.get(setting);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new ConfigException(setting, value + " is outside " + min + "-" + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigException(setting, "\"" + value + "\" is not a whole number");
        }
    }

    /** Compiled only when a custom check is configured: java.util.regex is not loaded on the usual start path. */
    private static final class ClassName {
        /** A binary class name (a nested class as Outer$Inner), ASCII only: it is written back in messages. */
        static final Pattern PATTERN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    }
}
