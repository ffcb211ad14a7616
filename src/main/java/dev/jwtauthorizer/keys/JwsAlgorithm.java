package dev.jwtauthorizer.keys;

import java.util.Optional;

/** The JWS algorithms this authorizer can verify (RFC 7518), and what each needs of its key. */
public enum JwsAlgorithm {
    RS256(KeyFamily.RSA, null, 0),
    RS384(KeyFamily.RSA, null, 0),
    RS512(KeyFamily.RSA, null, 0),
    PS256(KeyFamily.RSA, null, 0),
    PS384(KeyFamily.RSA, null, 0),
    PS512(KeyFamily.RSA, null, 0),
    ES256(KeyFamily.EC, "P-256", 0),
    ES384(KeyFamily.EC, "P-384", 0),
    ES512(KeyFamily.EC, "P-521", 0),
    // RFC 7518 section 3.2: an HMAC key at least as long as the hash output.
    HS256(KeyFamily.HMAC, null, 32),
    HS384(KeyFamily.HMAC, null, 48),
    HS512(KeyFamily.HMAC, null, 64);

    private final KeyFamily family;
    private final String curve;
    private final int minSecretBytes;

    JwsAlgorithm(KeyFamily family, String curve, int minSecretBytes) {
        this.family = family;
        this.curve = curve;
        this.minSecretBytes = minSecretBytes;
    }

    /** Exact, case-sensitive lookup: "none", "None" and "rs256" are not algorithms here. */
    public static Optional<JwsAlgorithm> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    public KeyFamily family() {
        return family;
    }

    /** The JWK {@code crv} an EC algorithm requires; null for other families. */
    public String curve() {
        return curve;
    }

    /** The shortest HMAC secret this algorithm accepts; 0 for other families. */
    public int minSecretBytes() {
        return minSecretBytes;
    }
}
