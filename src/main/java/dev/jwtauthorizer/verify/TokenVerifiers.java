package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.keys.Refreshes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Builds the {@link TokenVerifier} for a list of issuers, with their key sets and HMAC secrets
 * loaded. The function (through {@code Checkers}) and the library's {@code JwtVerifier} both come
 * here, so keys, their lifecycle and every check are the same code in both.
 */
public final class TokenVerifiers {
    /** Told about each issuer's HMAC secret once it has been loaded at start. */
    @FunctionalInterface
    public interface SecretLoaded {
        void loaded(KeyCache<HmacSecret> secret, KeySource source);

        /**
         * The secret loaded at start contains a public key of a key set loaded at start: may stop the
         * start. Whatever it does, HS tokens are refused while that is so.
         *
         * @param published which key, said without the secret
         */
        default void published(KeySource source, String published) {
        }
    }

    private TokenVerifiers() {
    }

    /**
     * @param remoteLifetime how long fetched material is trusted; material given in configuration is kept for good
     * @param remoteKeys     receives every cache of fetched material, to be refreshed at prime and after a restore
     * @param secretLoaded   may refuse a secret that arrived but cannot be used
     */
    public static TokenVerifier load(List<IssuerConfig> issuers, Duration leeway, KeyLifetime remoteLifetime, Clock clock,
                                     LongSupplier nanoClock, Executor background, List<Refreshable> remoteKeys,
                                     SecretLoaded secretLoaded) {
        // Entries that name the same key set URL share one cache, and so one fetch; nothing else is shared.
        Map<String, KeySet> sharedKeySets = new HashMap<>();
        List<KeySet> keySets = new ArrayList<>();
        List<KeySet> everyKeySet = new ArrayList<>();
        List<KeyCache<HmacSecret>> secrets = new ArrayList<>();
        // Fetched all at once below: each waits on its own server, and several issuers' would add up.
        List<Refreshable> toFetch = new ArrayList<>();
        for (IssuerConfig issuer : issuers) {
            KeySource source = issuer.keySource();
            KeySet keySet = source == null || source.sharedDocument() == null ? null : sharedKeySets.get(source.sharedDocument());
            if (source != null && keySet == null) {
                keySet = new KeySet(source, lifetime(source, remoteLifetime), nanoClock, background);
                if (source.sharedDocument() != null) {
                    sharedKeySets.put(source.sharedDocument(), keySet);
                }
                everyKeySet.add(keySet);
                startOrDefer(keySet, source, remoteKeys, toFetch);
            }
            KeyCache<HmacSecret> secret = null;
            if (issuer.hmacSecret() != null) {
                secret = new KeyCache<>(issuer.hmacSecret(), bytes -> HmacSecret.parse(bytes, issuer.algorithms()),
                        lifetime(issuer.hmacSecret(), remoteLifetime), Reason.SECRET_UNAVAILABLE, nanoClock, background);
                startOrDefer(secret, issuer.hmacSecret(), remoteKeys, toFetch);
            }
            keySets.add(keySet);
            secrets.add(secret);
        }
        Refreshes.prefetchAll(toFetch);
        for (int i = 0; i < issuers.size(); i++) {
            if (secrets.get(i) != null) {
                secretLoaded.loaded(secrets.get(i), issuers.get(i).hmacSecret());
            }
        }
        List<IssuerVerifier> verifiers = new ArrayList<>();
        for (int i = 0; i < issuers.size(); i++) {
            IssuerVerifier verifier = new IssuerVerifier(issuers.get(i), keySets.get(i), secrets.get(i), everyKeySet, leeway, clock);
            HmacSecret loaded = secrets.get(i) == null ? null : secrets.get(i).lastLoaded();
            String published = loaded == null ? null : verifier.publishedKeyIn(loaded);
            if (published != null) {
                secretLoaded.published(issuers.get(i).hmacSecret(), published);
            }
            verifiers.add(verifier);
        }
        return new TokenVerifier(verifiers);
    }

    /** Fetched material has a lifetime; material given in configuration is loaded once and kept. */
    public static KeyLifetime lifetime(KeySource source, KeyLifetime remoteLifetime) {
        return source.isRemote() ? remoteLifetime : KeyLifetime.FOREVER;
    }

    /** {@link #start}, but a remote source's fetch is left to the caller, which makes them all at once. */
    private static void startOrDefer(Refreshable keys, KeySource source, List<Refreshable> remoteKeys,
                                     List<Refreshable> toFetch) {
        if (source.isRemote()) {
            remoteKeys.add(keys);
            toFetch.add(keys);
        } else {
            start(keys, source, remoteKeys);
        }
    }

    /**
     * Loads keys during initialisation. Local keys were checked when the configuration was read; a
     * remote source that is down now may be up for the first request, which tries again.
     */
    public static void start(Refreshable keys, KeySource source, List<Refreshable> remoteKeys) {
        if (source.isRemote()) {
            remoteKeys.add(keys);
        }
        if (!keys.prefetch() && !source.isRemote()) {
            throw new IllegalStateException("local keys checked at start no longer load: " + source.describe());
        }
    }
}
