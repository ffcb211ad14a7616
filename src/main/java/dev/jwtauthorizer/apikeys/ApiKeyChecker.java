package dev.jwtauthorizer.apikeys;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.KeyCache;

/**
 * Checks a presented API key against the active key list, wherever the list lives: a key the list
 * lacks causes one refetch within the cache's unknown-key budget, so that a key added to the secret
 * works on its first use. Thread-safe; built once per container.
 */
public final class ApiKeyChecker {
    private final KeyCache<ApiKeyList> keys;

    public ApiKeyChecker(KeyCache<ApiKeyList> keys) {
        this.keys = keys;
    }

    /**
     * @param presented the key as the client sent it, without a header's {@code Bearer } scheme
     * @return the key's entry
     * @throws TokenRejectedException API_KEY_MALFORMED (never digested) or API_KEY_NOT_RECOGNISED
     * @throws dev.jwtauthorizer.decision.KeysUnavailableException when no usable key list can be had
     */
    public ApiKeyEntry check(String presented) {
        if (!ApiKeyMatcher.isWellFormed(presented)) {
            throw new TokenRejectedException(Reason.API_KEY_MALFORMED);
        }
        ApiKeyList list = keys.current();
        ApiKeyEntry entry = ApiKeyMatcher.match(presented, list);
        if (entry == null) {
            ApiKeyList fresh = keys.refreshAfterMiss(list);
            entry = fresh == list ? null : ApiKeyMatcher.match(presented, fresh);
        }
        if (entry == null) {
            throw new TokenRejectedException(Reason.API_KEY_NOT_RECOGNISED);
        }
        return entry;
    }
}
