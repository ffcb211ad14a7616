package dev.jwtauthorizer.keys;

/** Fetched key material that can be loaded ahead of need and refreshed on demand. */
public interface Refreshable {
    /** Fetches now unless the cooldown forbids it. True when material is loaded afterwards. */
    boolean prefetch();

    /** Fetches now whatever the cooldown. True when new material arrived. */
    boolean refreshNow();
}
