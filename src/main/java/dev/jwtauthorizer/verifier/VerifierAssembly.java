package dev.jwtauthorizer.verifier;

import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.config.IssuersInCode;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.verify.TokenVerifier;
import dev.jwtauthorizer.verify.TokenVerifiers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What both builders share: checking the values they are given, and turning them into a verifier
 * through the function's own configuration reader and verifier assembly, with the function's defaults
 * (leeway, fetch timeout, key lifetime, token length).
 */
final class VerifierAssembly {
    static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(seconds(Setting.JWT_LEEWAY_SECONDS));
    static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
    static final int MAX_TOKEN_LENGTH = Integer.parseInt(Setting.JWT_MAX_TOKEN_LENGTH.defaultValue());
    private static final Duration FETCH_TIMEOUT = Duration.ofMillis(Long.parseLong(Setting.JWT_JWKS_TIMEOUT_MS.defaultValue()));
    private static final KeyLifetime KEY_LIFETIME = new KeyLifetime(
            Duration.ofSeconds(seconds(Setting.JWT_KEYS_MAX_AGE_SECONDS)),
            Duration.ofSeconds(seconds(Setting.JWT_KEYS_MAX_STALE_SECONDS)),
            Duration.ofSeconds(seconds(Setting.JWT_JWKS_REFRESH_COOLDOWN_SECONDS)));

    private VerifierAssembly() {
    }

    private static long seconds(Setting setting) {
        return Long.parseLong(setting.defaultValue());
    }

    /**
     * Adds the values given to one builder method, refusing at once what can never be right, so the
     * stack trace points at the call.
     *
     * @param method as the message names it: "issuer(...)"
     */
    static void add(Collection<String> to, String method, String... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(method + " needs at least one value");
        }
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(method + " was given " + (value == null ? "null" : "a blank value")
                        + "; give each value as a non-empty string");
            }
            if (value.contains(",")) {
                throw new IllegalArgumentException(method + " was given \"" + value + "\", which holds a comma; "
                        + "give each value as its own argument: " + method.replace("...", "\"a\", \"b\""));
            }
            to.add(value.strip());
        }
    }

    static Duration leeway(Duration leeway) {
        if (leeway == null || leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("leeway(...) is " + leeway + "; give a clock skew between 0 and 5 minutes "
                    + "(the default is " + DEFAULT_LEEWAY.toSeconds() + " seconds)");
        }
        return leeway;
    }

    static String required(String method, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(method + " was given " + (value == null ? "null" : "a blank value")
                    + "; give " + what);
        }
        return value;
    }

    static void putList(Map<Setting, String> values, Setting setting, Collection<String> items) {
        if (!items.isEmpty()) {
            values.put(setting, String.join(",", items));
        }
    }

    static void putValue(Map<Setting, String> values, Setting setting, String value) {
        if (value != null) {
            values.put(setting, value);
        }
    }

    /**
     * @param values     per-issuer settings, lists joined with commas
     * @param hmacSecret the HS secret's bytes; null for none
     * @param names      how each setting is given in code, for messages
     */
    static JwtVerifier build(Map<Setting, String> values, byte[] hmacSecret, Map<Setting, String> names,
                             Duration leeway, Clock clock) {
        // Binary, whatever the bytes are: HmacSecret checks length and refuses a published key alike.
        String secret = hmacSecret == null ? null : "base64:" + Base64.getEncoder().encodeToString(hmacSecret);
        List<IssuerConfig> issuers = IssuersInCode.read(values, secret, names, FETCH_TIMEOUT);
        List<Refreshable> remoteKeys = new ArrayList<>();
        TokenVerifier tokens = TokenVerifiers.load(issuers, leeway, KEY_LIFETIME, clock, System::nanoTime,
                KeyCache.daemonThreads(), remoteKeys, (loaded, source) -> {
                    // A secret given in code was checked above and cannot change.
                });
        return new JwtVerifier(tokens);
    }
}
