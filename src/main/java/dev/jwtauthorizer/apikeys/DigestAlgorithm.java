package dev.jwtauthorizer.apikeys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The digests a key list's {@code hash} may name: {@code sha256:} or {@code sha512:} and the hex digest. */
public enum DigestAlgorithm {
    SHA256("sha256", "SHA-256", 32),
    SHA512("sha512", "SHA-512", 64);

    private final String prefix;
    private final String jcaName;
    private final int length;

    DigestAlgorithm(String prefix, String jcaName, int length) {
        this.prefix = prefix;
        this.jcaName = jcaName;
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

    byte[] digest(byte[] input) {
        try {
            return MessageDigest.getInstance(jcaName).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + jcaName, e);
        }
    }
}
