package dev.jwtauthorizer.config;

import dev.jwtauthorizer.config.IssuerConfig.CognitoTokenUse;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.FileKeySource;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.HttpKeySource;
import dev.jwtauthorizer.keys.InlineKeySource;
import dev.jwtauthorizer.keys.JwksParser;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.OidcDiscoveryKeySource;
import dev.jwtauthorizer.keys.SecretsExtensionSource;
import dev.jwtauthorizer.rules.RouteRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link AuthorizerConfig} from environment variables, failing on the first wrong one.
 *
 * <p>The per-issuer settings come either from the variables themselves (one issuer, or several
 * sharing everything) or from the entries of JWT_ISSUERS; both are read by the same code through
 * {@link Fields}, so an entry means exactly what the variables mean.
 */
final class ConfigReader {
    static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final int DEFAULT_EXTENSION_PORT = 2773;
    // Cognito pool ids are "{region}_{id}"; the region names the endpoint.
    private static final Pattern COGNITO_POOL_ID = Pattern.compile("((?:[a-z]{2}|us-gov|cn)-[a-z]+-\\d+)_[0-9A-Za-z]+");

    /** Where one issuer's settings are read from: the environment, or one entry of JWT_ISSUERS. */
    private interface Fields {
        /** The trimmed value, or the setting's default, or null when neither is there. */
        String get(Setting setting);

        ConfigException error(Setting setting, String problem);
    }

    private final Map<String, String> environment;
    private final Fields variables = new Fields() {
        @Override
        public String get(Setting setting) {
            return value(setting);
        }

        @Override
        public ConfigException error(Setting setting, String problem) {
            return new ConfigException(setting, problem);
        }
    };

    ConfigReader(Map<String, String> environment) {
        this.environment = environment;
    }

    AuthorizerConfig read() {
        Duration fetchTimeout = Duration.ofMillis(integer(Setting.JWT_JWKS_TIMEOUT_MS, 100, 10_000));
        int maxAge = integer(Setting.JWT_KEYS_MAX_AGE_SECONDS, 60, 86_400);
        int maxStale = integer(Setting.JWT_KEYS_MAX_STALE_SECONDS, 60, 604_800);
        if (maxStale < maxAge) {
            throw new ConfigException(Setting.JWT_KEYS_MAX_STALE_SECONDS, maxStale + " is less than "
                    + Setting.JWT_KEYS_MAX_AGE_SECONDS.name() + " (" + maxAge + ")");
        }
        KeyLifetime lifetime = new KeyLifetime(Duration.ofSeconds(maxAge), Duration.ofSeconds(maxStale),
                Duration.ofSeconds(integer(Setting.JWT_JWKS_REFRESH_COOLDOWN_SECONDS, 1, 3600)));
        return new AuthorizerConfig(
                issuers(fetchTimeout),
                Duration.ofSeconds(integer(Setting.JWT_LEEWAY_SECONDS, 0, 300)),
                integer(Setting.JWT_MAX_TOKEN_LENGTH, 256, 65_536),
                value(Setting.JWT_PRINCIPAL_CLAIM),
                List.copyOf(list(variables, Setting.JWT_CONTEXT_CLAIMS)),
                value(Setting.JWT_USAGE_IDENTIFIER_CLAIM),
                fetchTimeout,
                lifetime);
    }

    private List<IssuerConfig> issuers(Duration fetchTimeout) {
        String inline = value(Setting.JWT_ISSUERS);
        String file = value(Setting.JWT_ISSUERS_FILE);
        if (inline != null && file != null) {
            throw new ConfigException(Setting.JWT_ISSUERS, "and JWT_ISSUERS_FILE are both set; use one");
        }
        if (inline == null && file == null) {
            return issuer(variables, fetchTimeout);
        }
        Setting source = inline != null ? Setting.JWT_ISSUERS : Setting.JWT_ISSUERS_FILE;
        for (Setting setting : Setting.values()) {
            boolean perIssuer = setting.issuerField() != null || setting == Setting.JWT_HMAC_SECRET
                    || setting == Setting.JWT_RULES_FILE;
            if (perIssuer && environment.get(setting.name()) != null && !environment.get(setting.name()).isBlank()) {
                throw new ConfigException(setting, "is set, but so is " + source.name()
                        + ": give per-issuer settings in each of its entries instead");
            }
        }
        String json = inline != null ? inline : readFile(Setting.JWT_ISSUERS_FILE, file);
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
            for (IssuerConfig issuer : issuer(entry(source, i + 1, entries.get(i)), fetchTimeout)) {
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

    /** One entry of JWT_ISSUERS, read like the variables: arrays are lists, objects are JSON text. */
    private static Fields entry(Setting source, int number, Object element) {
        Map<String, Object> node = Json.asObject(element);
        if (node == null) {
            throw new ConfigException(source, "entry " + number + " is not a JSON object");
        }
        Set<String> known = new LinkedHashSet<>();
        for (Setting setting : Setting.values()) {
            if (setting.issuerField() != null) {
                known.add(setting.issuerField());
            }
        }
        for (String name : node.keySet()) {
            if (!known.contains(name)) {
                throw new ConfigException(source, "entry " + number + " has an unknown field \"" + name + "\" (fields: "
                        + String.join(", ", known) + ")");
            }
        }
        return new Fields() {
            @Override
            public String get(Setting setting) {
                Object value = setting.issuerField() == null ? null : node.get(setting.issuerField());
                if (value == null) {
                    return setting.defaultValue();
                }
                if (value instanceof String text) {
                    return text.isBlank() ? setting.defaultValue() : text.trim();
                }
                if (value instanceof List<?> list && setting != Setting.JWT_RULES) {
                    List<String> items = new ArrayList<>();
                    for (Object item : list) {
                        if (!(item instanceof String text) || text.contains(",")) {
                            throw error(setting, "must be an array of strings without commas");
                        }
                        items.add(text);
                    }
                    return String.join(",", items);
                }
                if (value instanceof List<?> || value instanceof Map<?, ?>) {
                    return Json.write(value);
                }
                throw error(setting, "must be a string or an array of strings");
            }

            @Override
            public ConfigException error(Setting setting, String problem) {
                return new ConfigException(source, "entry " + number + ", \"" + setting.issuerField() + "\" " + problem);
            }
        };
    }

    /** One issuer; with OIDC discovery and several iss values, one per value (each has its own keys). */
    private List<IssuerConfig> issuer(Fields fields, Duration fetchTimeout) {
        String poolId = fields.get(Setting.JWT_COGNITO_USER_POOL_ID);
        Set<String> issuers;
        CognitoTokenUse tokenUse = null;
        if (poolId != null) {
            if (fields.get(Setting.JWT_ISSUER) != null) {
                throw fields.error(Setting.JWT_ISSUER, "is set, but the issuer of a Cognito user pool is derived from "
                        + Setting.JWT_COGNITO_USER_POOL_ID.name() + "; leave it unset");
            }
            issuers = Set.of(cognitoIssuer(fields, poolId));
            tokenUse = cognitoTokenUse(fields);
        } else {
            if (fields.get(Setting.JWT_COGNITO_TOKEN_USE) != null) {
                throw fields.error(Setting.JWT_COGNITO_TOKEN_USE, "is set but " + Setting.JWT_COGNITO_USER_POOL_ID.name() + " is not");
            }
            issuers = requiredList(fields, Setting.JWT_ISSUER);
        }
        Set<String> audiences = requiredList(fields, Setting.JWT_AUDIENCE);
        Set<JwsAlgorithm> algorithms = algorithms(fields);
        Set<String> tokenTypes = list(fields, Setting.JWT_TOKEN_TYPES);
        KeySource hmacSecret = hmacSecret(fields, algorithms, fetchTimeout);
        RouteRules rules = rules(fields);
        boolean publicKeys = algorithms.stream().anyMatch(a -> a.family() != KeyFamily.HMAC);
        KeySource explicitKeys = explicitKeySource(fields, publicKeys, fetchTimeout);
        if (!publicKeys || explicitKeys != null) {
            return List.of(new IssuerConfig(issuers, audiences, algorithms, tokenTypes, explicitKeys, hmacSecret, tokenUse, rules));
        }
        List<IssuerConfig> each = new ArrayList<>();
        for (String issuer : issuers) {
            KeySource keys = poolId != null
                    ? new HttpKeySource(URI.create(issuer + "/.well-known/jwks.json"), fetchTimeout, MAX_JWKS_BYTES)
                    : discovery(fields, issuer, fetchTimeout);
            each.add(new IssuerConfig(Set.of(issuer), audiences, algorithms, tokenTypes, keys, hmacSecret, tokenUse, rules));
        }
        return each;
    }

    private static String cognitoIssuer(Fields fields, String poolId) {
        Matcher matcher = COGNITO_POOL_ID.matcher(poolId);
        if (!matcher.matches()) {
            throw fields.error(Setting.JWT_COGNITO_USER_POOL_ID, "\"" + poolId + "\" is not a user pool id like eu-west-1_AbC123xyz");
        }
        String region = matcher.group(1);
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return "https://cognito-idp." + region + "." + domain + "/" + poolId;
    }

    private static CognitoTokenUse cognitoTokenUse(Fields fields) {
        String value = fields.get(Setting.JWT_COGNITO_TOKEN_USE);
        if (value == null) {
            return CognitoTokenUse.ACCESS;
        }
        for (CognitoTokenUse use : CognitoTokenUse.values()) {
            if (use.claimValue().equals(value.toLowerCase(Locale.ROOT))) {
                return use;
            }
        }
        throw fields.error(Setting.JWT_COGNITO_TOKEN_USE, "\"" + value + "\" is neither access nor id");
    }

    private static KeySource discovery(Fields fields, String issuer, Duration timeout) {
        try {
            return new OidcDiscoveryKeySource(issuer, timeout, MAX_JWKS_BYTES);
        } catch (IllegalArgumentException e) {
            throw fields.error(Setting.JWT_ISSUER, "without " + Setting.JWT_JWKS_URI.name() + " or " + Setting.JWT_JWKS.name()
                    + " the keys are found by OIDC discovery from the issuer, but " + e.getMessage());
        }
    }

    /** The trimmed value, or the setting's default, or null when neither is there. */
    private String value(Setting setting) {
        String value = environment.get(setting.name());
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        return setting.defaultValue();
    }

    private static Set<String> requiredList(Fields fields, Setting setting) {
        Set<String> values = list(fields, setting);
        if (values.isEmpty()) {
            throw fields.error(setting, "is required and not set");
        }
        return values;
    }

    private static Set<String> list(Fields fields, Setting setting) {
        String value = fields.get(setting);
        Set<String> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw fields.error(setting, "has an empty item in \"" + value + "\"");
            }
            values.add(trimmed);
        }
        return values;
    }

    private int integer(Setting setting, int min, int max) {
        String value = value(setting);
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

    private static Set<JwsAlgorithm> algorithms(Fields fields) {
        Set<JwsAlgorithm> algorithms = EnumSet.noneOf(JwsAlgorithm.class);
        for (String name : list(fields, Setting.JWT_ALGORITHMS)) {
            if (name.toLowerCase(Locale.ROOT).equals("none")) {
                throw fields.error(Setting.JWT_ALGORITHMS, "\"none\" would accept unsigned tokens and is never allowed");
            }
            algorithms.add(JwsAlgorithm.byName(name).orElseThrow(() -> fields.error(Setting.JWT_ALGORITHMS,
                    "unknown algorithm \"" + name + "\" (known: " + List.of(JwsAlgorithm.values()) + ")")));
        }
        if (algorithms.isEmpty()) {
            throw fields.error(Setting.JWT_ALGORITHMS, "allows no algorithm");
        }
        return algorithms;
    }

    /** JWT_JWKS or JWT_JWKS_URI when given (checked now when local); null when keys are derived or not needed. */
    private KeySource explicitKeySource(Fields fields, boolean needed, Duration timeout) {
        String uri = fields.get(Setting.JWT_JWKS_URI);
        String inline = fields.get(Setting.JWT_JWKS);
        if (!needed) {
            if (uri != null || inline != null) {
                Setting given = uri != null ? Setting.JWT_JWKS_URI : Setting.JWT_JWKS;
                throw fields.error(given, "is set but " + Setting.JWT_ALGORITHMS.name() + " allows no RS, PS or ES algorithm");
            }
            return null;
        }
        if (uri != null && inline != null) {
            throw fields.error(Setting.JWT_JWKS, "and " + Setting.JWT_JWKS_URI.name() + " are both set; use one");
        }
        if (inline != null) {
            return checkedLocal(fields, Setting.JWT_JWKS, new InlineKeySource(inline, Setting.JWT_JWKS.name()));
        }
        return uri == null ? null : keySourceFor(fields, uri, timeout);
    }

    private KeySource keySourceFor(Fields fields, String text, Duration timeout) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw fields.error(Setting.JWT_JWKS_URI, "\"" + text + "\" is not a URI");
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            Path path = uri.isOpaque() ? baseDirectory().resolve(uri.getSchemeSpecificPart()) : Path.of(uri);
            if (!Files.isReadable(path)) {
                throw fields.error(Setting.JWT_JWKS_URI, "cannot read " + path);
            }
            return checkedLocal(fields, Setting.JWT_JWKS_URI, new FileKeySource(path, MAX_JWKS_BYTES));
        }
        try {
            return new HttpKeySource(uri, timeout, MAX_JWKS_BYTES);
        } catch (IllegalArgumentException e) {
            throw fields.error(Setting.JWT_JWKS_URI, e.getMessage() + " (or file: for a local file)");
        }
    }

    /** Local keys that do not load are a configuration mistake: found now, not at the first request. */
    private static KeySource checkedLocal(Fields fields, Setting setting, KeySource source) {
        try {
            JwksParser.parse(source.fetch());
        } catch (IOException | RuntimeException e) {
            throw fields.error(setting, "cannot load the key set: " + e.getMessage());
        }
        return source;
    }

    private KeySource hmacSecret(Fields fields, Set<JwsAlgorithm> algorithms, Duration timeout) {
        boolean needed = algorithms.stream().anyMatch(a -> a.family() == KeyFamily.HMAC);
        // Only as a variable: a secret does not belong in a JSON document that may be packaged.
        String text = fields == variables ? environment.get(Setting.JWT_HMAC_SECRET.name()) : null;
        String secretId = fields.get(Setting.JWT_HMAC_SECRET_ID);
        boolean given = text != null && !text.isEmpty();
        if (given && secretId != null) {
            throw fields.error(Setting.JWT_HMAC_SECRET_ID, "and JWT_HMAC_SECRET are both set; use one");
        }
        if (!needed) {
            if (given || secretId != null) {
                throw fields.error(given ? Setting.JWT_HMAC_SECRET : Setting.JWT_HMAC_SECRET_ID,
                        "is set but " + Setting.JWT_ALGORITHMS.name() + " allows no HS algorithm");
            }
            return null;
        }
        if (secretId != null) {
            return new SecretsExtensionSource(secretId, extensionPort(), timeout, () -> environment.get("AWS_SESSION_TOKEN"));
        }
        if (!given) {
            throw fields.error(fields == variables ? Setting.JWT_HMAC_SECRET : Setting.JWT_HMAC_SECRET_ID,
                    "is required when " + Setting.JWT_ALGORITHMS.name() + " allows HS256, HS384 or HS512");
        }
        try {
            HmacSecret.parse(text.getBytes(StandardCharsets.UTF_8), algorithms);
        } catch (IllegalArgumentException e) {
            // Says how long it is, never what it is.
            throw fields.error(Setting.JWT_HMAC_SECRET, e.getMessage());
        }
        return new InlineKeySource(text, Setting.JWT_HMAC_SECRET.name());
    }

    /** The extension's own variable: where its endpoint listens. */
    private int extensionPort() {
        String port = environment.get("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT");
        try {
            return port == null || port.isBlank() ? DEFAULT_EXTENSION_PORT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "\"" + port + "\" is not a port number");
        }
    }

    private RouteRules rules(Fields fields) {
        String inline = fields.get(Setting.JWT_RULES);
        String file = fields == variables ? value(Setting.JWT_RULES_FILE) : null;
        if (inline != null && file != null) {
            throw fields.error(Setting.JWT_RULES, "and JWT_RULES_FILE are both set; use one");
        }
        String json = inline != null ? inline : file != null ? readFile(Setting.JWT_RULES_FILE, file) : null;
        if (json == null) {
            return null;
        }
        try {
            return RouteRules.parse(json);
        } catch (IllegalArgumentException e) {
            throw fields.error(inline != null ? Setting.JWT_RULES : Setting.JWT_RULES_FILE, e.getMessage());
        }
    }

    private String readFile(Setting setting, String name) {
        Path path = baseDirectory().resolve(name);
        try {
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            // In Lambda the package root is also the classpath root; the local jar carries the same files.
            try (InputStream in = ConfigReader.class.getClassLoader().getResourceAsStream(name.replace('\\', '/'))) {
                if (in != null) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new ConfigException(setting, "cannot read " + path + ": " + e.getMessage());
        }
        throw new ConfigException(setting, "no file " + path + " and no " + name + " in the package");
    }

    /** Lambda's package root when running there, the working directory elsewhere. */
    private Path baseDirectory() {
        String taskRoot = environment.get("LAMBDA_TASK_ROOT");
        return Path.of(taskRoot != null && !taskRoot.isBlank() ? taskRoot : "").toAbsolutePath();
    }
}
