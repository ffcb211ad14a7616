package dev.jwtauthorizer.keys;

import java.io.IOException;

/** Where key material comes from: a JWKS document, or the text of an HMAC secret. */
public interface KeySource {
    /** The document's bytes, fetched or read now. */
    byte[] fetch() throws IOException;

    /**
     * Whether the material lives elsewhere and may change or be down: such material is refreshed
     * with a lifecycle. Inline or file material is read once and must load at start.
     */
    default boolean isRemote() {
        return false;
    }

    /**
     * Drops credentials the source keeps for its fetches (container credentials), so that the next
     * fetch uses fresh ones: a refresh after a SnapStart restore calls it first.
     */
    default void forgetCredentials() {
    }

    /** Where the material comes from, for logs: a URL, a path or a secret's name, never the material. */
    String describe();

    /**
     * What makes two sources the same remote document, so that issuers naming it share one cache and
     * one fetch; null for a source that is never shared. Only a key set URL is: anything else (inline
     * text, a file, a discovery document, a secret) belongs to the one issuer entry that names it, so
     * that one issuer's keys can never verify another's tokens.
     */
    default String sharedDocument() {
        return null;
    }
}
