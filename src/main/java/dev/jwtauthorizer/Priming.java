package dev.jwtauthorizer;

import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.log.JsonLog;
import java.time.Clock;
import java.util.List;

/**
 * Warms the request path before a SnapStart snapshot, through the same entry the Lambda runtime
 * calls, so that what a restored instance runs is already loaded and compiled. A second authorizer
 * that trusts only throw-away keys ({@link PrimingEvents}) is fed, as JSON text read the way the
 * runtime reads it, events of every kind carrying tokens of every algorithm the real authorizer
 * allows (and API keys when it takes them), and each answer is written back as JSON, the way the
 * runtime writes it. It goes on until the JIT's last tier (C2 under default flags) has had the calls
 * it needs and compiling has stopped, then waits for the compile queue to drain: a compilation that
 * lands after the restore costs the first requests there. Every step is bounded in time.
 *
 * <p>The real authorizer then answers a few malformed tokens (and a malformed API key, refused
 * before any digest, so it costs no fetch of the key list), so its own path and logging are loaded
 * too. Nothing made here survives into the decisions of the real one, and nothing reaches the log
 * but one "primed" line.
 *
 * <p>The user's custom check (JWT_CUSTOM_CHECK) is never called here: the second authorizer has
 * none, and the real one is only sent credentials refused before any check runs. User code may have
 * side effects (a call to a policy service, a counter, an audit record), and throw-away principals
 * must not reach them.
 */
final class Priming {
    /** Rounds at least, whatever the JIT: the path's one-off costs (class loading, first calls) settle by then. */
    static final int MIN_ROUNDS = 200;
    private static final int FRESH_AUTHORIZERS_EVERY = 100;
    /** How long compiling must have stopped to count as settled. */
    private static final long QUIET_NANOS = 100_000_000L;
    /** Bounds, so a slow or busy machine cannot hold the snapshot for long. */
    static final Bounds BOUNDS = new Bounds(5_000_000_000L, 2_000_000_000L);

    /** How long priming may drive the path, and then wait for the compile queue, at most. */
    record Bounds(long drivingNanos, long drainingNanos) {
    }

    private Priming() {
    }

    /** Priming through {@link Authorizer#authorize(java.util.Map)} itself, for callers without a handler. */
    static void run(Authorizer real) {
        run(real, Priming::direct);
    }

    static void run(Authorizer real, PrimingEntry.Factory entries) {
        run(real, entries, BOUNDS);
    }

    static void run(Authorizer real, PrimingEntry.Factory entries, Bounds bounds) {
        long start = System.nanoTime();
        try {
            Outcome outcome = new Outcome();
            JsonLog.silently(() -> warm(real, entries, bounds, outcome));
            JsonLog.info("primed", "millis", (System.nanoTime() - start) / 1_000_000, "rounds", outcome.rounds,
                    "jitSettled", outcome.settled);
        } catch (RuntimeException e) {
            // Priming is an optimisation: a failure here must not stop the snapshot or the function.
            JsonLog.warn("priming_failed", "exception", e.getClass().getName());
        }
    }

    /** What a run did, for its log line. */
    private static final class Outcome {
        int rounds;
        boolean settled;
    }

    private static void warm(Authorizer real, PrimingEntry.Factory entries, Bounds bounds, Outcome outcome) {
        CompilerActivity jit = CompilerActivity.ofThisJvm();
        // Two throw-away authorizers: every setting used, and every setting at its default. The JIT
        // compiles what it has seen: a branch priming never took is a deoptimisation after the restore.
        List<PrimingEvents> worlds = List.of(
                new PrimingEvents(PrimingEvents.algorithmsOf(real.config()), real.config().httpApiResponse(), false,
                        real.acceptsApiKeys()),
                new PrimingEvents(PrimingEvents.algorithmsOf(real.config()), real.config().httpApiResponse(), true, false));
        PrimingEntry[] primers = new PrimingEntry[worlds.size()];
        // Each kind's events take turns, one per round, so a round is short yet every kind and
        // algorithm reaches the calls the last tier needs.
        int rounds = Math.max(MIN_ROUNDS, jit.callsForLastTier());
        long drivingEnds = System.nanoTime() + bounds.drivingNanos();
        int round = 0;
        while (round < rounds || !jit.quietFor(QUIET_NANOS)) {
            if (round % FRESH_AUTHORIZERS_EVERY == 0) {
                // New authorizers, so that the profile the JIT compiles from holds what a real one
                // meets now and then: a handler's first invocation (a cold start) and a key checked
                // for the first time (imported into the checking provider, as after a key rotation
                // or a restore's refetch). A branch priming never took is a deoptimisation later.
                for (int w = 0; w < worlds.size(); w++) {
                    Authorizer authorizer = Authorizer.create(AuthorizerConfig.fromEnvironment(worlds.get(w).environment),
                            Clock.systemUTC(), Authorizer.NANO_CLOCK, Runnable::run);
                    primers[w] = entries.around(authorizer);
                }
            }
            for (int w = 0; w < worlds.size(); w++) {
                PrimingEvents events = worlds.get(w);
                PrimingEntry entry = primers[w];
                for (String event : events.everyRound) {
                    entry.invoke(event);
                }
                for (List<String> kind : events.inTurn) {
                    entry.invoke(kind.get(round % kind.size()));
                }
            }
            round++;
            if (System.nanoTime() - drivingEnds >= 0) {
                break;
            }
        }
        outcome.rounds = round;
        PrimingEntry realEntry = entries.around(real);
        if (real.acceptsApiKeys()) {
            realEntry.invoke(PrimingEvents.malformedApiKey());
        }
        if (real.acceptsJwts()) {
            for (String event : PrimingEvents.malformed()) {
                realEntry.invoke(event);
            }
        }
        outcome.settled = jit.awaitQuiet(QUIET_NANOS, System.nanoTime() + bounds.drainingNanos());
    }

    /** The authorizer's own answer, for priming without a handler around it. */
    private static PrimingEntry direct(Authorizer authorizer) {
        return PrimingEntry.ofMaps(event -> authorizer.authorize(event).answer());
    }
}
