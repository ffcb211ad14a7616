package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * The public keys of one key source, with the lifecycle of {@link KeyCache}. A token whose kid is
 * not in the set may cause a refetch, within the cache's cooldown. A refetch replaces the whole set,
 * so a key the provider withdrew stops being trusted.
 */
public final class KeySet implements Refreshable {
    private final KeyCache<List<VerificationKey>> cache;

    public KeySet(KeySource source, KeyLifetime lifetime, LongSupplier nanoClock, Executor background) {
        this.cache = new KeyCache<>(source, JwksParser::parse, lifetime, Reason.KEY_SET_UNAVAILABLE, nanoClock, background);
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
     * The key that verifies a token with this algorithm and kid.
     *
     * @throws TokenRejectedException   KID_REQUIRED, UNKNOWN_KID or KEY_MISMATCH
     * @throws KeysUnavailableException when no usable set can be had
     */
    public VerificationKey select(JwsAlgorithm algorithm, String kid) {
        List<VerificationKey> current = cache.current();
        if (kid == null) {
            if (current.size() != 1) {
                throw new TokenRejectedException(Reason.KID_REQUIRED);
            }
            return requireFit(current.get(0), algorithm);
        }
        VerificationKey found = find(current, kid, algorithm);
        if (found == null) {
            List<VerificationKey> refreshed = cache.refreshAfterMiss();
            if (refreshed != current) {
                found = find(refreshed, kid, algorithm);
            }
        }
        if (found == null) {
            throw new TokenRejectedException(Reason.UNKNOWN_KID);
        }
        return found;
    }

    /** A key with this kid that fits the algorithm; null when none has the kid; KEY_MISMATCH when none fits. */
    private static VerificationKey find(List<VerificationKey> keys, String kid, JwsAlgorithm algorithm) {
        boolean kidSeen = false;
        for (VerificationKey key : keys) {
            if (kid.equals(key.kid())) {
                if (key.fits(algorithm)) {
                    return key;
                }
                kidSeen = true;
            }
        }
        if (kidSeen) {
            throw new TokenRejectedException(Reason.KEY_MISMATCH);
        }
        return null;
    }

    private static VerificationKey requireFit(VerificationKey key, JwsAlgorithm algorithm) {
        if (!key.fits(algorithm)) {
            throw new TokenRejectedException(Reason.KEY_MISMATCH);
        }
        return key;
    }
}
