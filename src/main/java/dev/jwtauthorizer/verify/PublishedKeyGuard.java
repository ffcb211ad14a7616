package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.keys.PublishedNumbers;
import dev.jwtauthorizer.keys.VerificationKey;
import dev.jwtauthorizer.log.JsonLog;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses an issuer's HMAC secret while it contains the numbers of a public key from any configured
 * key set (its own issuer's or another's): whoever reads that key set could sign HS tokens. The start
 * checks what it has; a key set or secret fetched later (a remote set, discovery, Secrets Manager, a
 * rotation) is checked here, when it is first used with the other. Judged again only when the secret
 * or a key set changes, so a request pays a few reference comparisons. A key set that has never
 * loaded is fetched first: until it has been seen, the secret cannot be cleared of its keys.
 */
final class PublishedKeyGuard {
    private record Verdict(HmacSecret secret, List<List<VerificationKey>> keys, String published) {
    }

    /** Every key set the authorizer has, shared by each issuer's guard. */
    private final List<KeySet> keySets;
    private volatile Verdict last;

    PublishedKeyGuard(List<KeySet> keySets) {
        this.keySets = List.copyOf(keySets);
    }

    /**
     * Which public key the secret contains, said without the secret, or null; logged once per change.
     */
    String publishedIn(HmacSecret secret) {
        Verdict verdict = last;
        if (verdict == null || verdict.secret() != secret || !isCurrent(verdict.keys())) {
            verdict = judge(secret);
            last = verdict;
            if (verdict.published() != null) {
                JsonLog.error("hmac_secret_refused", "problem", "the HMAC secret contains " + verdict.published()
                        + " in a configured key set: a published key lets anyone sign tokens; HS tokens fail (500) "
                        + "until the secret is replaced by a random one of its own");
            }
        }
        return verdict.published();
    }

    /**
     * @throws KeysUnavailableException SECRET_UNAVAILABLE while the secret contains a published key;
     *                                  KEY_SET_UNAVAILABLE while a key set has never loaded
     */
    void check(HmacSecret secret) {
        for (KeySet keySet : keySets) {
            keySet.requireLoaded();
        }
        if (publishedIn(secret) != null) {
            throw new KeysUnavailableException(Reason.SECRET_UNAVAILABLE, "the HMAC secret");
        }
    }

    private boolean isCurrent(List<List<VerificationKey>> judged) {
        for (int i = 0; i < keySets.size(); i++) {
            if (keySets.get(i).knownKeys() != judged.get(i)) {
                return false;
            }
        }
        return true;
    }

    private Verdict judge(HmacSecret secret) {
        List<List<VerificationKey>> keys = new ArrayList<>(keySets.size());
        String published = null;
        for (KeySet keySet : keySets) {
            List<VerificationKey> known = keySet.knownKeys();
            keys.add(known);
            published = published != null ? published : PublishedNumbers.within(known, secret);
        }
        return new Verdict(secret, keys, published);
    }
}
