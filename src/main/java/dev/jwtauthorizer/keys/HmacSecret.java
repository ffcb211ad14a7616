package dev.jwtauthorizer.keys;

import com.auth0.jwt.algorithms.Algorithm;

/** The shared secret for HS* tokens, from configuration only. Its text never reaches a log. */
public final class HmacSecret {
    private final byte[] bytes;

    public HmacSecret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    public Algorithm verifierFor(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case HS256 -> Algorithm.HMAC256(bytes);
            case HS384 -> Algorithm.HMAC384(bytes);
            case HS512 -> Algorithm.HMAC512(bytes);
            default -> throw new IllegalArgumentException("an HMAC secret never verifies " + algorithm);
        };
    }

    @Override
    public String toString() {
        return "HmacSecret[" + bytes.length + " bytes]";
    }
}
