package dev.jwtauthorizer.crypto;

/**
 * A count of the changes this authorizer makes to the JCA provider list. Code that keeps engines
 * per thread ({@code keys.SignatureCheck}, {@link ThreadDigest}) looks them up again when it moves,
 * so checks go to the fast provider at the next request after its installation instead of up to a
 * second later: in a fresh process on the tier-1 JIT that second is thousands of checks on the
 * JDK's provider at ten times the cost (docs/PERFORMANCE.md).
 */
public final class ProviderList {
    private static volatile int changes;

    private ProviderList() {
    }

    public static int changes() {
        return changes;
    }

    /** Called after this authorizer adds or removes a provider. */
    public static synchronized void changed() {
        changes++;
    }
}
