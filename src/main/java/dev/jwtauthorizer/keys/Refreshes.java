package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.log.JsonLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches several sources of material at once (at start, before a SnapStart snapshot, and after each
 * restore, where the first request waits for them): each fetch waits on its own server, so their
 * times need not add up. One source is fetched on the calling thread.
 */
public final class Refreshes {
    private Refreshes() {
    }

    /**
     * {@link Refreshable#refreshNow()} for each.
     *
     * @return how many brought new material
     */
    public static int refreshAll(List<Refreshable> sources) {
        return runAll(sources, true);
    }

    /**
     * {@link Refreshable#prefetch()} for each, during initialisation.
     *
     * @return how many have material loaded afterwards
     */
    public static int prefetchAll(List<Refreshable> sources) {
        return runAll(sources, false);
    }

    private static int runAll(List<Refreshable> sources, boolean refresh) {
        if (sources.size() < 2) {
            return sources.isEmpty() || !Refresh.once(sources.get(0), refresh) ? 0 : 1;
        }
        AtomicInteger refreshed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>(sources.size());
        for (Refreshable source : sources) {
            Thread thread = new Thread(new Refresh(source, refresh, refreshed), "jwt-authorizer-fetch");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    // Each fetch is bounded by JWT_JWKS_TIMEOUT_MS, so waiting for all ends.
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return refreshed.get();
    }

    /** A named class, not a lambda: each lambda spins a class at start (docs/PERFORMANCE.md). */
    private static final class Refresh implements Runnable {
        private final Refreshable source;
        private final boolean refresh;
        private final AtomicInteger refreshed;

        Refresh(Refreshable source, boolean refresh, AtomicInteger refreshed) {
            this.source = source;
            this.refresh = refresh;
            this.refreshed = refreshed;
        }

        static boolean once(Refreshable source, boolean refresh) {
            return refresh ? source.refreshNow() : source.prefetch();
        }

        @Override
        public void run() {
            try {
                if (once(source, refresh)) {
                    refreshed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // A fetch failure is the cache's to log; anything else is a bug, named by class only.
                JsonLog.error("internal_error", "exception", e.getClass().getName());
            }
        }
    }
}
