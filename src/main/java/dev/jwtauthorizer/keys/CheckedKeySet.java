package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.util.List;

/**
 * A key set given in configuration (inline or a file), read, parsed and its keys imported once, when
 * the configuration was checked: {@link KeySet} takes these keys as they are instead of reading and
 * importing the document a second time. Such material never changes, so there is nothing to refetch.
 */
public final class CheckedKeySet implements KeySource {
    private final KeySource origin;
    private final byte[] document;
    private final List<VerificationKey> keys;

    /** @param document what {@code origin} gave, already parsed into {@code keys} */
    public CheckedKeySet(KeySource origin, byte[] document, List<VerificationKey> keys) {
        if (origin.isRemote()) {
            throw new IllegalArgumentException("only material given in configuration is checked once");
        }
        this.origin = origin;
        this.document = document;
        this.keys = List.copyOf(keys);
    }

    /** The document as it was read: no second read of a file. */
    @Override
    public byte[] fetch() throws IOException {
        return document.clone();
    }

    @Override
    public String describe() {
        return origin.describe();
    }

    /** The keys, imported when the configuration was checked. */
    public List<VerificationKey> keys() {
        return keys;
    }
}
