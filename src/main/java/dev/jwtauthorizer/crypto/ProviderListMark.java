package dev.jwtauthorizer.crypto;

/**
 * Where a thread's kept JCA engines stand against {@link ProviderList}: they are looked up again
 * after this authorizer changes the provider list, and only then. Not on a timer: a fresh
 * engine's first check takes a path the JIT compiled out of the warm one (a deoptimisation at the
 * first request after a SnapStart restore, docs/PERFORMANCE.md) and the fast provider imports the
 * key again. A provider that other code adds later (a custom check's library, say) is not followed
 * by engines already made: they stay on the provider they came from, which we chose and, for the
 * fast one, checked with known answers. One per thread: not thread-safe.
 */
public final class ProviderListMark {
    private int changesSeen = ProviderList.changes();

    /** True once after each change this authorizer makes to the provider list. */
    public boolean moved() {
        int changes = ProviderList.changes();
        if (changes == changesSeen) {
            return false;
        }
        changesSeen = changes;
        return true;
    }
}
