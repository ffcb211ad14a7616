package dev.jwtauthorizer.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One message digest algorithm, kept per thread rather than looked up in the provider list per
 * use, and looked up again as soon as the fast crypto provider is installed after the first answer
 * ({@link ProviderListMark}): hashing then moves to its native code (SHA-256 about 1.4 µs a
 * token at tier 1, against 5.5 µs for the JDK's).
 */
public final class ThreadDigest {
    /** A thread's digest and the provider list it was looked up from. */
    private static final class Kept {
        private MessageDigest digest;
        private final ProviderListMark providers = new ProviderListMark();
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
        // A new thread's first use looks the digest up.
        if (thread.digest == null || thread.providers.moved()) {
            try {
                thread.digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has " + algorithm, e);
            }
        }
        return thread.digest.digest(input);
    }
}
