package dev.jwtauthorizer.serve;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API Gateway's authorizer cache: per authorizer, an answer kept for the authorizer's TTL under
 * its identity source values (a TOKEN authorizer's token; a REQUEST or HTTP API authorizer's
 * values, the route key among them only when it is an identity source). Answers are kept, not
 * verdicts: a cached policy is judged again against each later request's ARN. Failures (401, 500)
 * are not cached.
 */
final class AnswerCache {
    /** Local use only; past this many live answers the cache starts over rather than grow. */
    private static final int MAX_ENTRIES = 10_000;

    private record Key(String authorizer, List<String> identityValues) {
    }

    private record Entry(Map<String, Object> answer, Instant expires) {
    }

    private final Clock clock;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    AnswerCache(Clock clock) {
        this.clock = clock;
    }

    /** @return the answer still fresh under this key, or null */
    Map<String, Object> get(String authorizer, List<String> identityValues) {
        Key key = new Key(authorizer, identityValues);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return null;
        }
        return entry.answer();
    }

    void put(String authorizer, List<String> identityValues, Map<String, Object> answer, int ttlSeconds) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(authorizer, List.copyOf(identityValues)),
                new Entry(answer, clock.instant().plusSeconds(ttlSeconds)));
    }
}
