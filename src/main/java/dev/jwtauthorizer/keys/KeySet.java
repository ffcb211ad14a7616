package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.decision.KeySetUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.log.JsonLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The public keys of one key source, cached for the life of the container.
 *
 * <p>A token whose kid is not in the cached set may trigger a refetch, but at most one per cooldown
 * interval whatever the kid: a flood of tokens with random kids costs one fetch per interval. A
 * refetch replaces the set, so a key the provider withdrew stops being trusted. When a refetch
 * fails, the last good set stays in use.
 */
public final class KeySet {
    private final KeySource source;
    private final long cooldownNanos;
    private final LongSupplier nanoClock;

    private volatile List<VerificationKey> keys;
    private long lastAttemptNanos;
    private boolean attempted;

    public KeySet(KeySource source, Duration cooldown, LongSupplier nanoClock) {
        this.source = source;
        this.cooldownNanos = cooldown.toNanos();
        this.nanoClock = nanoClock;
    }

    public KeySet(KeySource source, Duration cooldown) {
        this(source, cooldown, System::nanoTime);
    }

    /** Loads the set now, during initialisation, so the first request does not wait for it. */
    public boolean prefetch() {
        return refreshIfDue() != null;
    }

    /**
     * Fetches the set now, whatever the cooldown: after a SnapStart restore, where the cached set may
     * be as old as the snapshot and the cooldown's clock readings mean nothing. On failure the
     * cached set stays.
     */
    public synchronized boolean refreshNow() {
        attempted = false;
        return refreshIfDue() != null;
    }

    /** Loads the set now and fails with the reason when it cannot: for sources that must work at start. */
    public void load() throws IOException {
        keys = JwksParser.parse(source.fetch());
        logLoaded();
    }

    /**
     * The key that verifies a token with this algorithm and kid.
     *
     * @throws TokenRejectedException     KID_REQUIRED, UNKNOWN_KID or KEY_MISMATCH
     * @throws KeySetUnavailableException when no set has ever been loaded and none can be now
     */
    public VerificationKey select(JwsAlgorithm algorithm, String kid) {
        List<VerificationKey> current = keys;
        if (current == null) {
            current = refreshIfDue();
            if (current == null) {
                throw new KeySetUnavailableException(source.describe());
            }
        }
        if (kid == null) {
            if (current.size() != 1) {
                throw new TokenRejectedException(Reason.KID_REQUIRED);
            }
            return requireFit(current.get(0), algorithm);
        }
        VerificationKey found = find(current, kid, algorithm);
        if (found == null) {
            List<VerificationKey> refreshed = refreshIfDue();
            if (refreshed != null) {
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

    /** Fetches the set unless an attempt was made within the cooldown; the new set, or null. */
    private synchronized List<VerificationKey> refreshIfDue() {
        long now = nanoClock.getAsLong();
        if (attempted && now - lastAttemptNanos < cooldownNanos) {
            return null;
        }
        attempted = true;
        lastAttemptNanos = now;
        try {
            keys = JwksParser.parse(source.fetch());
            logLoaded();
            return keys;
        } catch (IOException | RuntimeException e) {
            JsonLog.warn("jwks_fetch_failed", "source", source.describe(),
                    "why", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "servingLastGoodSet", keys != null);
            return null;
        }
    }

    private void logLoaded() {
        JsonLog.info("jwks_loaded", "source", source.describe(), "keys", keys.size());
    }
}
