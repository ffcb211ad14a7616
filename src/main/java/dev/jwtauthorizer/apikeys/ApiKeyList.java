package dev.jwtauthorizer.apikeys;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The active API keys: the key list document, parsed ({@link ApiKeyListParser}). Immutable. Its
 * string form, which the key cache logs, is the number of keys and nothing of them.
 */
public final class ApiKeyList {
    private final List<ApiKeyEntry> entries;
    private final Set<DigestAlgorithm> algorithms;

    ApiKeyList(List<ApiKeyEntry> entries) {
        this.entries = List.copyOf(entries);
        Set<DigestAlgorithm> used = EnumSet.noneOf(DigestAlgorithm.class);
        for (ApiKeyEntry entry : entries) {
            used.add(entry.algorithm());
        }
        this.algorithms = used;
    }

    /**
     * Parses the key list document strictly; the parser of a key cache holding it.
     *
     * @throws IllegalArgumentException saying what is wrong and what to do, never quoting a hash or a
     *                                  refused member's value
     */
    public static ApiKeyList parse(byte[] document) {
        return ApiKeyListParser.parse(document);
    }

    public List<ApiKeyEntry> entries() {
        return entries;
    }

    /** The digests in use: a presented key is digested once with each. */
    Set<DigestAlgorithm> algorithms() {
        return algorithms;
    }

    @Override
    public String toString() {
        return entries.size() + (entries.size() == 1 ? " API key" : " API keys");
    }
}
