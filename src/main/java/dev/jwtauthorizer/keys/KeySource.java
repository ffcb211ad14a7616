package dev.jwtauthorizer.keys;

import java.io.IOException;

/** Where a JWKS document comes from. */
public interface KeySource {
    /** The document's bytes, fetched or read now. */
    byte[] fetch() throws IOException;

    /** Where the keys come from, for logs: a URL or a path, never key material. */
    String describe();
}
