package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.log.LogLevel;
import dev.jwtauthorizer.log.Metric;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Key material from one source, kept for the life of the container. When it is fetched:
 * <ul>
 *   <li>once at start, and again in the background once older than the maximum age, while requests
 *       go on using the current material; when a fetch fails, the last good material serves until it
 *       is older than the maximum staleness, and after that every request fails closed until a fetch
 *       succeeds. These fetches, and the retries of a request that finds nothing usable, are at most
 *       one per cooldown among themselves;</li>
 *   <li>when a token names a kid the material lacks, at once, whenever and why the last fetch
 *       happened, so a key published since is learned on its first use. Such fetches have their own
 *       budget: one per cooldown, counted from the last fetch an unknown kid caused. A flood of
 *       random kids therefore costs at most one extra fetch per cooldown, and a genuine new key that
 *       arrives during a flood waits at most one cooldown;</li>
 *   <li>after a SnapStart restore, at once, and both budgets start afresh;</li>
 *   <li>never two at a time: a request that waited for a fetch in flight uses its result instead of
 *       starting another.</li>
 * </ul>
 * Material given in configuration (inline or a file) is loaded once and never fetched again.
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

    /** One budget of fetches: one per cooldown. Guarded by the cache's fetch lock. */
    private static final class Cooldown {
        private final long nanos;
        private boolean used;
        private long lastNanos;

        Cooldown(long nanos) {
            this.nanos = nanos;
        }

        boolean tryTake(long now) {
            if (used && now - lastNanos < nanos) {
                return false;
            }
            used = true;
            lastNanos = now;
            return true;
        }

        void restart(long now) {
            used = true;
            lastNanos = now;
        }

        void clear() {
            used = false;
        }
    }

    private final KeySource source;
    private final Parser<T> parser;
    private final KeyLifetime lifetime;
    private final Reason unavailable;
    private final LongSupplier nanoClock;
    private final Executor background;
    private final AtomicBoolean backgroundQueued = new AtomicBoolean();

    private volatile Loaded<T> loaded;
    private volatile String contentProblem;
    /** Fetches finished, successful or not: a waiter that sees it move knows a fetch ran meanwhile. */
    private volatile long fetchesDone;
    // The lock is held through each fetch: that is what keeps a second one from starting.
    private final Object fetchLock = new Object();
    private final Cooldown forAgeOrFailure;
    private final Cooldown forUnknownKid;

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
        this.forAgeOrFailure = new Cooldown(lifetime.cooldown().toNanos());
        this.forUnknownKid = new Cooldown(lifetime.cooldown().toNanos());
    }

    /** Runs each background refresh on its own short-lived daemon thread. */
    public static Executor daemonThreads() {
        return DaemonThreads.INSTANCE;
    }

    // Named classes, not lambdas, on the start path: each lambda spins a class at cold start
    // (docs/PERFORMANCE.md).
    private enum DaemonThreads implements Executor {
        INSTANCE;

        @Override
        public void execute(Runnable task) {
            Thread thread = new Thread(task, "key-refresh");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Fetches now, during initialisation, so the first request does not wait. False when it failed. */
    @Override
    public boolean prefetch() {
        fetchIfAllowed(forAgeOrFailure, fetchesDone);
        return loaded != null;
    }

    /**
     * Fetches now whatever the budgets: after a SnapStart restore, where the material may be as old
     * as the snapshot and the clock readings of both budgets mean nothing. On failure the material stays.
     */
    @Override
    public boolean refreshNow() {
        synchronized (fetchLock) {
            Loaded<T> before = loaded;
            forAgeOrFailure.restart(nanoClock.getAsLong());
            forUnknownKid.clear();
            // Credentials kept since before the snapshot may have lapsed or been withdrawn.
            source.forgetCredentials();
            fetch();
            return loaded != before;
        }
    }

    /** The last material loaded, however old, without fetching; null before the first. */
    public T lastLoaded() {
        Loaded<T> current = loaded;
        return current == null ? null : current.value();
    }

    /**
     * The material to use now.
     *
     * @throws KeysUnavailableException when none was ever fetched, or the last good one is older than
     *                                  the maximum staleness, and no fetch is allowed or succeeds now
     */
    public T current() {
        long seenFetches = fetchesDone;
        Loaded<T> current = loaded;
        if (current == null || isTooStale(current)) {
            fetchIfAllowed(forAgeOrFailure, seenFetches);
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
     * Refetches because {@code seen}, the material a request looked in, lacks what its token asks
     * for (an unknown kid), unless the unknown-kid budget is spent. Returns the material then
     * current: new if this or a concurrent fetch brought some, else the same as before.
     */
    public T refreshAfterMiss(T seen) {
        long seenFetches = fetchesDone;
        Loaded<T> now = loaded;
        if (source.isRemote() && now != null && now.value() == seen) {
            fetchIfAllowed(forUnknownKid, seenFetches);
        }
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
            long seenFetches = fetchesDone;
            background.execute(() -> {
                try {
                    fetchIfAllowed(forAgeOrFailure, seenFetches);
                } finally {
                    backgroundQueued.set(false);
                }
            });
        } catch (RuntimeException e) {
            backgroundQueued.set(false);
            JsonLog.warn("key_refresh_not_started", "source", source.describe(), "exception", e.getClass().getName());
        }
    }

    /**
     * Fetches unless a fetch finished since the caller looked ({@code seenFetches}): its result is
     * what the caller would get; or unless this budget is spent.
     */
    private void fetchIfAllowed(Cooldown budget, long seenFetches) {
        synchronized (fetchLock) {
            if (fetchesDone != seenFetches || !budget.tryTake(nanoClock.getAsLong())) {
                return;
            }
            fetch();
        }
    }

    /** Fetches and parses; a failure keeps the last good material. Call holding the fetch lock. */
    private void fetch() {
        boolean fetched = false;
        try {
            byte[] document = source.fetch();
            fetched = true;
            T value = parser.parse(document);
            loaded = new Loaded<>(value, nanoClock.getAsLong());
            contentProblem = null;
            JsonLog.write(LogLevel.INFO, "keys_loaded", fetchMetrics(false, false), "source", source.describe(), "what", describe(value));
        } catch (IOException | RuntimeException e) {
            // An IOException before the document arrived is an outage; anything else is the content.
            if (fetched || e instanceof RuntimeException) {
                contentProblem = e.getMessage();
            }
            Loaded<T> last = loaded;
            boolean servingLastGood = last != null && !isTooStale(last);
            JsonLog.write(LogLevel.WARN, "keys_fetch_failed", fetchMetrics(true, servingLastGood), "source", source.describe(),
                    "why", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "servingLastGood", servingLastGood);
        } finally {
            fetchesDone++;
        }
    }

    /**
     * The metrics of one fetch from a remote source (counted whatever the log level); none for
     * material given in configuration, which is read, not fetched. A secret cache is told apart by
     * the reason it fails with.
     */
    private Map<Metric, Long> fetchMetrics(boolean failed, boolean servingLastGood) {
        if (!source.isRemote()) {
            return null;
        }
        boolean secret = unavailable == Reason.SECRET_UNAVAILABLE;
        Map<Metric, Long> metrics = new EnumMap<>(Metric.class);
        metrics.put(secret ? Metric.SECRET_FETCHES : Metric.KEY_FETCHES, 1L);
        metrics.put(secret ? Metric.SECRET_FETCH_FAILURES : Metric.KEY_FETCH_FAILURES, failed ? 1L : 0L);
        metrics.put(Metric.KEYS_SERVED_STALE, failed && servingLastGood ? 1L : 0L);
        return metrics;
    }

    /**
     * Why the last document fetched could not be used (it arrived, but is not valid material), or
     * null when the last fetch succeeded or failed in transit. Never quotes the material.
     */
    public String contentProblem() {
        return contentProblem;
    }

    /** Key counts are worth logging; a secret's length is all that may be said about it. */
    private static String describe(Object value) {
        return value instanceof List<?> list ? list.size() + " keys" : value.toString();
    }
}
