package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The public keys of one key source, with the lifecycle of {@link KeyCache}. A token whose kid is
 * not in the set may cause a refetch, within the cache's unknown-kid budget. A refetch replaces the
 * whole set, so a key the provider withdrew stops being trusted.
 */
public final class KeySet implements Refreshable {
    private final KeyCache<List<VerificationKey>> cache;

    public KeySet(KeySource source, KeyLifetime lifetime, LongSupplier nanoClock, Executor background) {
        // Parsed and imported when the configuration was checked: taken as it is.
        KeyCache.Parser<List<VerificationKey>> parser = source instanceof CheckedKeySet checked
                ? new AlreadyParsed(checked) : new JwksDocument();
        this.cache = new KeyCache<>(source, parser, lifetime, Reason.KEY_SET_UNAVAILABLE, nanoClock, background);
    }

    /** The keys last loaded, without fetching; empty before the first load. */
    public List<VerificationKey> knownKeys() {
        List<VerificationKey> keys = cache.lastLoaded();
        return keys == null ? List.of() : keys;
    }

    /**
     * Loads the set if it never was (a fetch as a request would make one, within the cooldown).
     *
     * @throws dev.jwtauthorizer.decision.KeysUnavailableException when it never loaded and cannot now
     */
    public void requireLoaded() {
        if (cache.lastLoaded() == null) {
            cache.current();
        }
    }

    /** Loads the set during initialisation so the first request does not wait. False when it failed. */
    @Override
    public boolean prefetch() {
        return cache.prefetch();
    }

    /** Fetches now whatever the cooldown (after a SnapStart restore). True when a new set arrived. */
    @Override
    public boolean refreshNow() {
        return cache.refreshNow();
    }

    /**
     * The keys that may verify a token with this algorithm and kid, in set order: every key with the
     * kid whose type and attributes fit the algorithm (at most {@link JwksParser#MAX_KEYS_PER_KID}).
     * The token is good if any of them verifies it. A kid the set lacks causes a refetch, within the
     * unknown-kid budget of {@link KeyCache}.
     *
     * @return never empty
     * @throws TokenRejectedException   KID_REQUIRED (no kid, and the set holds more than one key),
     *                                  UNKNOWN_KID, or KEY_MISMATCH (keys have the kid, none fits)
     * @throws KeysUnavailableException when no usable set can be had
     */
    public List<VerificationKey> candidates(JwsAlgorithm algorithm, String kid) {
        List<VerificationKey> current = cache.current();
        if (kid == null) {
            if (current.size() != 1) {
                throw new TokenRejectedException(Reason.KID_REQUIRED);
            }
            return requireFit(current.get(0), algorithm);
        }
        List<VerificationKey> found = find(current, kid, algorithm);
        if (found == null) {
            List<VerificationKey> refreshed = cache.refreshAfterMiss(current);
            if (refreshed != current) {
                found = find(refreshed, kid, algorithm);
            }
        }
        if (found == null) {
            throw new TokenRejectedException(Reason.UNKNOWN_KID);
        }
        return found;
    }

    /** The keys with this kid that fit the algorithm; null when none has the kid; KEY_MISMATCH when none fits. */
    private static List<VerificationKey> find(List<VerificationKey> keys, String kid, JwsAlgorithm algorithm) {
        List<VerificationKey> fitting = null;
        boolean kidSeen = false;
        for (VerificationKey key : keys) {
            if (kid.equals(key.kid())) {
                kidSeen = true;
                if (key.fits(algorithm)) {
                    if (fitting == null) {
                        fitting = new ArrayList<>(2);
                    }
                    fitting.add(key);
                }
            }
        }
        if (kidSeen && fitting == null) {
            throw new TokenRejectedException(Reason.KEY_MISMATCH);
        }
        return fitting;
    }

    private static List<VerificationKey> requireFit(VerificationKey key, JwsAlgorithm algorithm) {
        if (!key.fits(algorithm)) {
            throw new TokenRejectedException(Reason.KEY_MISMATCH);
        }
        return List.of(key);
    }

    // Named classes, not lambdas, on the start path: each lambda spins a class at cold start
    // (docs/PERFORMANCE.md).
    private static final class JwksDocument implements KeyCache.Parser<List<VerificationKey>> {
        @Override
        public List<VerificationKey> parse(byte[] document) throws IOException {
            return JwksParser.parse(document);
        }
    }

    private record AlreadyParsed(CheckedKeySet keySet) implements KeyCache.Parser<List<VerificationKey>> {
        @Override
        public List<VerificationKey> parse(byte[] document) {
            return keySet.keys();
        }
    }
}
