package dev.jwtauthorizer.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sets the JDK's crypto up on a second thread while the first reads the configuration. Every
 * decision needs it (SHA-256 for the decision line's {@code tokenHash}, under every signature
 * check and HMAC), and in a fresh process it is about 13 ms of work at tier 1: the provider list
 * read from {@code java.security}, the {@code SUN} provider and its table of object identifiers,
 * and SHA-256's {@code VarHandle}s, whose first use spins classes at run time. On two or more CPUs
 * that work overlaps the configuration read (first answer 70 → 63 ms, docs/PERFORMANCE.md); on one
 * it is the same work on another thread, since nothing is done that the first decision would not
 * do anyway.
 */
public final class JdkCryptoWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private JdkCryptoWarmUp() {
    }

    /** Starts it on a daemon thread, once per process. */
    public static void startInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        // Not a lambda: its class would be spun on the start path this is here to shorten.
        Thread thread = new Thread(new Runnable() {
            @Override
            public void run() {
                warmUp();
            }
        }, "warm-up-jdk-crypto");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp() {
        try {
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
        } catch (GeneralSecurityException | RuntimeException e) {
            // Nothing is lost: the first decision does the same work and reports what goes wrong.
        }
    }
}
