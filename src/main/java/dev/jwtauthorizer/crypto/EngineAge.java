package dev.jwtauthorizer.crypto;

/**
 * When a thread last looked its JCA engines up. They are due again as soon as this authorizer has
 * changed the provider list ({@link ProviderList}), and in any case once a second, for a change
 * made by anyone else. One per thread: not thread-safe.
 */
public final class EngineAge {
    private static final long LOOKUP_EVERY_NANOS = 1_000_000_000L;

    private long lookedUpAt = System.nanoTime();
    private int providerListSeen = ProviderList.changes();

    /** True when the engines must be looked up again; the age then starts over. */
    public boolean renew() {
        long now = System.nanoTime();
        int providerList = ProviderList.changes();
        if (now - lookedUpAt > LOOKUP_EVERY_NANOS || providerList != providerListSeen) {
            lookedUpAt = now;
            providerListSeen = providerList;
            return true;
        }
        return false;
    }
}
