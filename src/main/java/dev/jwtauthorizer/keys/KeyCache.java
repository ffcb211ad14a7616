package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.log.JsonLog;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Key material from one source, kept for the life of the container with a lifecycle:
 * <ul>
 *   <li>fetched once and reused; refetched in the background once older than the maximum age, while
 *       requests go on using the current material;</li>
 *   <li>at most one fetch in flight, and at most one attempt per cooldown whatever asks for it
 *       (age, an unknown kid, a restore), so no flood of requests becomes a flood of fetches;</li>
 *   <li>when a refetch fails, the last good material is served until it is older than the maximum
 *       staleness; after that every request fails closed until a fetch succeeds.</li>
 * </ul>
 *
 * @param <T> the parsed material: a list of keys, or a secret
 */
public final class KeyCache<T> implements Refreshable {
    /** Turns fetched bytes into material; throws on anything that is not valid material. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(byte[] bytes) throws IOException;
    }

    private record Loaded<T>(T value, long fetchedAtNanos) {
    }

    private final KeySource source;
    private final Parser<T> parser;
    private final KeyLifetime lifetime;
    private final Reason unavailable;
    private final LongSupplier nanoClock;
    private final Executor background;
    private final AtomicBoolean backgroundQueued = new AtomicBoolean();

    private volatile Loaded<T> loaded;
    // Guarded by this: the lock is also what keeps a second fetch from starting while one runs.
    private long lastAttemptNanos;
    private boolean attempted;

    /**
     * @param unavailable the reason given when no usable material can be had
     * @param background  runs refreshes due to age; a request never waits for one
     */
    public KeyCache(KeySource source, Parser<T> parser, KeyLifetime lifetime, Reason unavailable,
                    LongSupplier nanoClock, Executor background) {
        this.source = source;
        this.parser = parser;
        this.lifetime = lifetime;
        this.unavailable = unavailable;
        this.nanoClock = nanoClock;
        this.background = background;
    }

    /** Runs each background refresh on its own short-lived daemon thread. */
    public static Executor daemonThreads() {
        return task -> {
            Thread thread = new Thread(task, "key-refresh");
            thread.setDaemon(true);
            thread.start();
        };
    }

    /** Fetches now, during initialisation, so the first request does not wait. False when it failed. */
    @Override
    public boolean prefetch() {
        refreshIfDue();
        return loaded != null;
    }

    /**
     * Fetches now whatever the cooldown: after a SnapStart restore, where the material may be as old
     * as the snapshot and the cooldown's clock readings mean nothing. On failure the material stays.
     */
    @Override
    public synchronized boolean refreshNow() {
        attempted = false;
        Loaded<T> before = loaded;
        refreshIfDue();
        return loaded != before;
    }

    /**
     * The material to use now.
     *
     * @throws KeysUnavailableException when none was ever fetched, or the last good one is older than
     *                                  the maximum staleness, and no fetch is allowed or succeeds now
     */
    public T current() {
        Loaded<T> current = loaded;
        if (current == null || isTooStale(current)) {
            refreshIfDue();
            current = loaded;
            if (current == null || isTooStale(current)) {
                throw new KeysUnavailableException(unavailable, source.describe());
            }
        } else if (age(current) >= lifetime.maxAge().toNanos()) {
            refreshInBackground();
        }
        return current.value();
    }

    /**
     * Refetches because the material lacks something a token asks for (an unknown kid), unless the
     * cooldown forbids it. Returns the material then current: new, or the same as before.
     */
    public T refreshAfterMiss() {
        refreshIfDue();
        return current();
    }

    private boolean isTooStale(Loaded<T> current) {
        return age(current) >= lifetime.maxStale().toNanos();
    }

    private long age(Loaded<T> current) {
        return nanoClock.getAsLong() - current.fetchedAtNanos();
    }

    private void refreshInBackground() {
        if (!backgroundQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    refreshIfDue();
                } finally {
                    backgroundQueued.set(false);
                }
            });
        } catch (RuntimeException e) {
            backgroundQueued.set(false);
            JsonLog.warn("key_refresh_not_started", "source", source.describe(), "exception", e.getClass().getName());
        }
    }

    /** Fetches unless an attempt was made within the cooldown; a failure keeps the last good material. */
    private synchronized void refreshIfDue() {
        long now = nanoClock.getAsLong();
        if (attempted && now - lastAttemptNanos < lifetime.cooldown().toNanos()) {
            return;
        }
        attempted = true;
        lastAttemptNanos = now;
        try {
            T value = parser.parse(source.fetch());
            loaded = new Loaded<>(value, nanoClock.getAsLong());
            JsonLog.info("keys_loaded", "source", source.describe(), "what", describe(value));
        } catch (IOException | RuntimeException e) {
            Loaded<T> last = loaded;
            JsonLog.warn("keys_fetch_failed", "source", source.describe(),
                    "why", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "servingLastGood", last != null && !isTooStale(last));
        }
    }

    /** Key counts are worth logging; a secret's length is all that may be said about it. */
    private static String describe(Object value) {
        return value instanceof List<?> list ? list.size() + " keys" : value.toString();
    }
}
