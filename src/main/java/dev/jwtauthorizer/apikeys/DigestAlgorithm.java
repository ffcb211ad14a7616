package dev.jwtauthorizer.apikeys;

import dev.jwtauthorizer.crypto.ThreadDigest;

/** The digests a key list's {@code hash} may name: {@code sha256:} or {@code sha512:} and the hex digest. */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", 32),
    SHA512("sha512", "SHA-512", 64);

    private final String prefix;
    private final ThreadDigest digest;
    private final int length;

    DigestAlgorithm(String prefix, String jcaName, int length) {
        this.prefix = prefix;
        this.digest = new ThreadDigest(jcaName);
        this.length = length;
    }

    /** How a hash names it: {@code sha256}, before the colon. */
    public String prefix() {
        return prefix;
    }

    /** The digest's length in bytes (twice that in hex digits). */
    public int length() {
        return length;
    }

    /** Per thread, off the provider list: a presented key is digested on every API key request. */
    byte[] digest(byte[] input) {
        return digest.digest(input);
    }
}
