package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.FileKeySource;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.HttpKeySource;
import dev.jwtauthorizer.keys.InlineKeySource;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.rules.RouteRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads {@link AuthorizerConfig} from environment variables, failing on the first wrong one. */
final class ConfigReader {
    static final int MAX_JWKS_BYTES = 512 * 1024;
    private static final String BASE64_PREFIX = "base64:";

    private final Map<String, String> environment;

    ConfigReader(Map<String, String> environment) {
        this.environment = environment;
    }

    AuthorizerConfig read() {
        Set<String> issuers = requiredList(Setting.JWT_ISSUER);
        Set<String> audiences = requiredList(Setting.JWT_AUDIENCE);
        Set<JwsAlgorithm> algorithms = algorithms();
        boolean publicKeys = algorithms.stream().anyMatch(a -> a.family() != KeyFamily.HMAC);
        boolean hmac = algorithms.stream().anyMatch(a -> a.family() == KeyFamily.HMAC);
        Duration jwksTimeout = Duration.ofMillis(integer(Setting.JWT_JWKS_TIMEOUT_MS, 100, 10_000));
        KeySource keySource = keySource(publicKeys, jwksTimeout);
        return new AuthorizerConfig(
                issuers,
                audiences,
                algorithms,
                Set.copyOf(optionalList(Setting.JWT_TOKEN_TYPES)),
                keySource,
                keySource != null && !(keySource instanceof HttpKeySource),
                hmacSecret(hmac, algorithms),
                Duration.ofSeconds(integer(Setting.JWT_LEEWAY_SECONDS, 0, 300)),
                integer(Setting.JWT_MAX_TOKEN_LENGTH, 256, 65_536),
                value(Setting.JWT_PRINCIPAL_CLAIM),
                List.copyOf(optionalList(Setting.JWT_CONTEXT_CLAIMS)),
                value(Setting.JWT_USAGE_IDENTIFIER_CLAIM),
                rules(),
                jwksTimeout,
                Duration.ofSeconds(integer(Setting.JWT_JWKS_REFRESH_COOLDOWN_SECONDS, 1, 3600)));
    }

    /** The trimmed value, or the setting's default, or null when neither is there. */
    private String value(Setting setting) {
        String value = environment.get(setting.name());
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        return setting.defaultValue();
    }

    private Set<String> requiredList(Setting setting) {
        Set<String> values = optionalList(setting);
        if (values.isEmpty()) {
            throw new ConfigException(setting, "is required and not set");
        }
        return values;
    }

    private Set<String> optionalList(Setting setting) {
        String value = value(setting);
        Set<String> values = new LinkedHashSet<>();
        if (value == null) {
            return values;
        }
        for (String item : value.split(",", -1)) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                throw new ConfigException(setting, "has an empty item in \"" + value + "\"");
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

    private Set<JwsAlgorithm> algorithms() {
        Set<JwsAlgorithm> algorithms = EnumSet.noneOf(JwsAlgorithm.class);
        for (String name : optionalList(Setting.JWT_ALGORITHMS)) {
            if (name.toLowerCase(Locale.ROOT).equals("none")) {
                throw new ConfigException(Setting.JWT_ALGORITHMS, "\"none\" would accept unsigned tokens and is never allowed");
            }
            algorithms.add(JwsAlgorithm.byName(name).orElseThrow(() -> new ConfigException(Setting.JWT_ALGORITHMS,
                    "unknown algorithm \"" + name + "\" (known: " + List.of(JwsAlgorithm.values()) + ")")));
        }
        if (algorithms.isEmpty()) {
            throw new ConfigException(Setting.JWT_ALGORITHMS, "allows no algorithm");
        }
        return algorithms;
    }

    private KeySource keySource(boolean needed, Duration timeout) {
        String uri = value(Setting.JWT_JWKS_URI);
        String inline = value(Setting.JWT_JWKS);
        if (!needed) {
            if (uri != null || inline != null) {
                Setting given = uri != null ? Setting.JWT_JWKS_URI : Setting.JWT_JWKS;
                throw new ConfigException(given, "is set but JWT_ALGORITHMS allows no RS, PS or ES algorithm");
            }
            return null;
        }
        if (uri != null && inline != null) {
            throw new ConfigException(Setting.JWT_JWKS, "and JWT_JWKS_URI are both set; use one");
        }
        if (inline != null) {
            return new InlineKeySource(inline);
        }
        if (uri == null) {
            throw new ConfigException(Setting.JWT_JWKS_URI, "is required for " + Setting.JWT_ALGORITHMS.name()
                    + " with RS, PS or ES algorithms (or set JWT_JWKS)");
        }
        return keySourceFor(uri, timeout);
    }

    private KeySource keySourceFor(String text, Duration timeout) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigException(Setting.JWT_JWKS_URI, "\"" + text + "\" is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
                if (uri.getHost() == null) {
                    throw new ConfigException(Setting.JWT_JWKS_URI, "\"" + text + "\" has no host");
                }
                return new HttpKeySource(uri, timeout, MAX_JWKS_BYTES);
            }
            case "http" -> {
                if (!isLoopback(uri.getHost())) {
                    throw new ConfigException(Setting.JWT_JWKS_URI, "plain http:// is only allowed for loopback hosts "
                            + "(127.0.0.1, ::1, localhost); use https://");
                }
                return new HttpKeySource(uri, timeout, MAX_JWKS_BYTES);
            }
            case "file" -> {
                Path path = uri.isOpaque() ? baseDirectory().resolve(uri.getSchemeSpecificPart()) : Path.of(uri);
                if (!Files.isReadable(path)) {
                    throw new ConfigException(Setting.JWT_JWKS_URI, "cannot read " + path);
                }
                return new FileKeySource(path, MAX_JWKS_BYTES);
            }
            default -> throw new ConfigException(Setting.JWT_JWKS_URI, "\"" + text + "\" must be an https:// URL "
                    + "(or http:// on loopback, or file:)");
        }
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
    }

    private HmacSecret hmacSecret(boolean needed, Set<JwsAlgorithm> algorithms) {
        String text = environment.get(Setting.JWT_HMAC_SECRET.name());
        if (text == null || text.isEmpty()) {
            if (needed) {
                throw new ConfigException(Setting.JWT_HMAC_SECRET, "is required when JWT_ALGORITHMS allows HS256, HS384 or HS512");
            }
            return null;
        }
        if (!needed) {
            throw new ConfigException(Setting.JWT_HMAC_SECRET, "is set but JWT_ALGORITHMS allows no HS algorithm");
        }
        byte[] bytes;
        if (text.startsWith(BASE64_PREFIX)) {
            try {
                bytes = Base64.getDecoder().decode(text.substring(BASE64_PREFIX.length()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Setting.JWT_HMAC_SECRET, "the text after \"base64:\" is not valid base64");
            }
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        for (JwsAlgorithm algorithm : algorithms) {
            if (bytes.length < algorithm.minSecretBytes()) {
                // Says how long it is, never what it is.
                throw new ConfigException(Setting.JWT_HMAC_SECRET, "is " + bytes.length + " bytes; " + algorithm
                        + " needs at least " + algorithm.minSecretBytes());
            }
        }
        return new HmacSecret(bytes);
    }

    private RouteRules rules() {
        String inline = value(Setting.JWT_RULES);
        String file = value(Setting.JWT_RULES_FILE);
        if (inline != null && file != null) {
            throw new ConfigException(Setting.JWT_RULES, "and JWT_RULES_FILE are both set; use one");
        }
        Setting setting = inline != null ? Setting.JWT_RULES : Setting.JWT_RULES_FILE;
        String json = inline != null ? inline : file != null ? readRulesFile(file) : null;
        if (json == null) {
            return null;
        }
        try {
            return RouteRules.parse(json);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting, e.getMessage());
        }
    }

    private String readRulesFile(String name) {
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
            throw new ConfigException(Setting.JWT_RULES_FILE, "cannot read " + path + ": " + e.getMessage());
        }
        throw new ConfigException(Setting.JWT_RULES_FILE, "no file " + path + " and no " + name + " in the package");
    }

    /** Lambda's package root when running there, the working directory elsewhere. */
    private Path baseDirectory() {
        String taskRoot = environment.get("LAMBDA_TASK_ROOT");
        return Path.of(taskRoot != null && !taskRoot.isBlank() ? taskRoot : "").toAbsolutePath();
    }
}
