package dev.jwtauthorizer.keys;

import java.time.Duration;

/**
 * How long fetched key material is trusted.
 *
 * @param maxAge   after this, the material is refetched in the background while still in use
 * @param maxStale after this without a successful refetch, the material is no longer used: fail closed
 * @param cooldown least time between two fetch attempts of one source for the same cause (see KeyCache)
 */
public record KeyLifetime(Duration maxAge, Duration maxStale, Duration cooldown) {
    /** For material given in configuration: loaded once, never refetched. */
    public static final KeyLifetime FOREVER = new KeyLifetime(
            Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MAX_VALUE));

    public KeyLifetime {
        if (maxStale.compareTo(maxAge) < 0) {
            throw new IllegalArgumentException("maxStale " + maxStale + " is shorter than maxAge " + maxAge);
        }
    }
}
