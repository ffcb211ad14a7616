package dev.jwtauthorizer;

import dev.jwtauthorizer.apikeys.ApiKeyChecker;
import dev.jwtauthorizer.apikeys.ApiKeyList;
import dev.jwtauthorizer.config.ApiKeysConfig;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.verify.IssuerVerifier;
import dev.jwtauthorizer.verify.TokenVerifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What checks credentials, built once per container with its key material loaded: the token
 * verifier (keys and HMAC secrets per issuer), the API key checker (the key list) and the user's
 * custom check.
 *
 * @param apiKeys     null when API keys are not configured
 * @param remoteKeys  every cache of fetched material, refreshed at prime and after a restore
 * @param customCheck null when JWT_CUSTOM_CHECK is not set
 */
record Checkers(TokenVerifier verifier, ApiKeyChecker apiKeys, List<Refreshable> remoteKeys, CustomCheck customCheck) {
    Checkers {
        remoteKeys = List.copyOf(remoteKeys);
    }

    static Checkers load(AuthorizerConfig config, Clock clock, LongSupplier nanoClock, Executor background) {
        List<IssuerVerifier> issuers = new ArrayList<>();
        List<Refreshable> remoteKeys = new ArrayList<>();
        // Entries that name the same key set URL share one cache, and so one fetch; nothing else is shared.
        Map<String, KeySet> sharedKeySets = new HashMap<>();
        for (IssuerConfig issuer : config.issuers()) {
            KeySource source = issuer.keySource();
            KeySet keySet = source == null || source.sharedDocument() == null ? null : sharedKeySets.get(source.sharedDocument());
            if (source != null && keySet == null) {
                keySet = new KeySet(source, lifetime(config, source), nanoClock, background);
                if (source.sharedDocument() != null) {
                    sharedKeySets.put(source.sharedDocument(), keySet);
                }
                start(keySet, source, remoteKeys);
            }
            KeyCache<HmacSecret> secret = null;
            if (issuer.hmacSecret() != null) {
                secret = new KeyCache<>(issuer.hmacSecret(), bytes -> HmacSecret.parse(bytes, issuer.algorithms()),
                        lifetime(config, issuer.hmacSecret()), Reason.SECRET_UNAVAILABLE, nanoClock, background);
                start(secret, issuer.hmacSecret(), remoteKeys);
                refuseUnusableSecret(secret, issuer.hmacSecret(), Setting.JWT_HMAC_SECRET_ID, "an HMAC secret");
            }
            issuers.add(new IssuerVerifier(issuer, keySet, secret, config.leeway(), clock));
        }
        ApiKeyChecker apiKeys = apiKeys(config, nanoClock, background, remoteKeys);
        CustomCheck customCheck = config.customCheck() == null ? null : CustomCheck.load(config.customCheck());
        return new Checkers(new TokenVerifier(issuers), apiKeys, remoteKeys, customCheck);
    }

    private static ApiKeyChecker apiKeys(AuthorizerConfig config, LongSupplier nanoClock, Executor background,
                                         List<Refreshable> remoteKeys) {
        ApiKeysConfig apiKeys = config.apiKeys();
        if (apiKeys == null) {
            return null;
        }
        KeySource source = apiKeys.keyList();
        KeyCache<ApiKeyList> list = new KeyCache<>(source, ApiKeyList::parse, lifetime(config, source),
                Reason.SECRET_UNAVAILABLE, nanoClock, background);
        start(list, source, remoteKeys);
        refuseUnusableSecret(list, source, apiKeys.setting(), "the API key list");
        return new ApiKeyChecker(list);
    }

    private static KeyLifetime lifetime(AuthorizerConfig config, KeySource source) {
        return source.isRemote() ? config.keyLifetime() : KeyLifetime.FOREVER;
    }

    /**
     * Loads keys during initialisation. Local keys were checked when the configuration was read; a
     * remote source that is down now may be up for the first request, which tries again.
     */
    private static void start(Refreshable keys, KeySource source, List<Refreshable> remoteKeys) {
        if (source.isRemote()) {
            remoteKeys.add(keys);
        }
        if (!keys.prefetch() && !source.isRemote()) {
            throw new IllegalStateException("local keys checked at start no longer load: " + source.describe());
        }
    }

    /**
     * A secret that arrived at start but cannot be used (the console's key/value JSON, a trailing
     * newline, a public key, a bare API key, a plaintext key in the list) is a configuration mistake,
     * not an outage: stop the start and say so, rather than answer 500 until someone reads the log.
     * A secret that could not be fetched is left to the first request, which tries again; later
     * refreshes that bring unusable content keep the last good material.
     */
    private static void refuseUnusableSecret(KeyCache<?> secret, KeySource source, Setting setting, String what) {
        if (source.isRemote() && secret.contentProblem() != null) {
            throw new ConfigException(setting, source.describe() + " cannot be used as " + what + ": " + secret.contentProblem());
        }
    }
}
