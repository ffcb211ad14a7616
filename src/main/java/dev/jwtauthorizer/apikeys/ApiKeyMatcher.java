package dev.jwtauthorizer.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Finds the entry of a presented key: the key is digested once per algorithm the list uses, and its
 * digest compared in constant time with every entry's, with no early exit, so that neither the time
 * nor the order of the list says how near a guess came or which entry it hit. Comparing digests, not
 * keys, also means a substring, a prefix or an empty string matches nothing.
 */
public final class ApiKeyMatcher {
    /** Longer than any key a person or the api-key command makes; digesting more is work an attacker chooses. */
    public static final int MAX_KEY_LENGTH = 1024;

    private ApiKeyMatcher() {
    }

    /** Whether a presented key is worth digesting: not empty, at most {@value #MAX_KEY_LENGTH} characters, no control character. */
    public static boolean isWellFormed(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return false;
        }
        for (int i = 0; i < presented.length(); i++) {
            if (Character.isISOControl(presented.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The one entry whose digest is the key's, or null when none is (or, against a list gone wrong, several). */
    public static ApiKeyEntry match(String presented, ApiKeyList list) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        byte[][] digests = new byte[DigestAlgorithm.values().length][];
        for (DigestAlgorithm algorithm : list.algorithms()) {
            digests[algorithm.ordinal()] = algorithm.digest(bytes);
        }
        ApiKeyEntry found = null;
        int matches = 0;
        for (ApiKeyEntry entry : list.entries()) {
            boolean equal = MessageDigest.isEqual(digests[entry.algorithm().ordinal()], entry.digest());
            // Both branches do the same work: no entry is skipped and no loop ends early.
            matches += equal ? 1 : 0;
            found = equal ? entry : found;
        }
        return matches == 1 ? found : null;
    }
}
