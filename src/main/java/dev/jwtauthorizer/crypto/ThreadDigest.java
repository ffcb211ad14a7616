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
    /** A thread's digest and when it was looked up. */
    private static final class Kept {
        private MessageDigest digest;
        private final EngineAge age = new EngineAge();
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
        // A new thread's age starts with its first use, which looks the digest up.
        if (thread.digest == null || thread.age.renew()) {
            try {
                thread.digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has " + algorithm, e);
            }
        }
        return thread.digest.digest(input);
    }
}
