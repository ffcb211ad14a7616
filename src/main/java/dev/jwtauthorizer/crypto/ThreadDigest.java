package dev.jwtauthorizer.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One message digest algorithm, kept per thread rather than looked up in the provider list per
 * use, and looked up again as soon as the fast crypto provider is installed after the first answer
 * (and once a second in any case): hashing then moves to its native code (SHA-256 about 1.4 µs a
 * token at tier 1, against 5.5 µs for the JDK's).
 */
public final class ThreadDigest {
    private static final long LOOKUP_EVERY_NANOS = 1_000_000_000L;

    /** A thread's digest and when it was looked up. */
    private static final class Kept {
        private MessageDigest digest;
        private long lookedUpAt;
        private int providerListSeen;
    }

    private final String algorithm;
    // Not ThreadLocal.withInitial(X::new): each method reference spins a class at cold start
    // (docs/PERFORMANCE.md).
    private final ThreadLocal<Kept> kept = new ThreadLocal<>() {
        @Override
        protected Kept initialValue() {
            return new Kept();
        }
    };

    /** @param algorithm a JCA name every JDK has, such as {@code SHA-256} */
    public ThreadDigest(String algorithm) {
        this.algorithm = algorithm;
    }

    public byte[] digest(byte[] input) {
        Kept thread = kept.get();
        long now = System.nanoTime();
        int providerList = ProviderList.changes();
        if (thread.digest == null || now - thread.lookedUpAt > LOOKUP_EVERY_NANOS || providerList != thread.providerListSeen) {
            try {
                thread.digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has " + algorithm, e);
            }
            thread.lookedUpAt = now;
            thread.providerListSeen = providerList;
        }
        return thread.digest.digest(input);
    }
}
