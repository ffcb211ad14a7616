package dev.jwtauthorizer.keys;

import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/** The JWS algorithms this authorizer can verify (RFC 7518), and what each needs of its key. */
public enum JwsAlgorithm {
    RS256(KeyFamily.RSA, null, 0, "SHA256withRSA", 0),
    RS384(KeyFamily.RSA, null, 0, "SHA384withRSA", 0),
    RS512(KeyFamily.RSA, null, 0, "SHA512withRSA", 0),
    // RFC 7518 section 3.5: MGF1 with the same hash, a salt as long as the hash, trailer 1.
    PS256(KeyFamily.RSA, null, 0, "RSASSA-PSS", 32),
    PS384(KeyFamily.RSA, null, 0, "RSASSA-PSS", 48),
    PS512(KeyFamily.RSA, null, 0, "RSASSA-PSS", 64),
    // RFC 7518 section 3.4: the signature is R || S, each as long as the curve's order.
    ES256(KeyFamily.EC, "P-256", 0, "SHA256withECDSA", 32),
    ES384(KeyFamily.EC, "P-384", 0, "SHA384withECDSA", 48),
    ES512(KeyFamily.EC, "P-521", 0, "SHA512withECDSA", 66),
    // RFC 7518 section 3.2: an HMAC key at least as long as the hash output.
    HS256(KeyFamily.HMAC, null, 32, "HmacSHA256", 0),
    HS384(KeyFamily.HMAC, null, 48, "HmacSHA384", 0),
    HS512(KeyFamily.HMAC, null, 64, "HmacSHA512", 0);

    /** values() clones its array at every call, and byName runs for every token. */
    private static final JwsAlgorithm[] ALL = values();

    private final KeyFamily family;
    private final String curve;
    private final int minSecretBytes;
    private final String jcaName;
    /** PS: the salt length; ES: the length of R and of S; 0 otherwise. */
    private final int size;

    JwsAlgorithm(KeyFamily family, String curve, int minSecretBytes, String jcaName, int size) {
        this.family = family;
        this.curve = curve;
        this.minSecretBytes = minSecretBytes;
        this.jcaName = jcaName;
        this.size = size;
    }

    /** Exact, case-sensitive lookup: "none", "None" and "rs256" are not algorithms here. */
    public static Optional<JwsAlgorithm> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (JwsAlgorithm algorithm : ALL) {
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

    /** The name of its {@code Signature} or {@code Mac} in the Java Cryptography Architecture. */
    public String jcaName() {
        return jcaName;
    }

    /** PS only: the RSASSA-PSS parameters RFC 7518 section 3.5 fixes; null for the others. */
    PSSParameterSpec pssParameters() {
        if (!jcaName.equals("RSASSA-PSS")) {
            return null;
        }
        String hash = "SHA-" + (size * 8);
        return new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), size, PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** ES only: the length in bytes of R and of S in a JOSE signature (RFC 7518 section 3.4). */
    int ecNumberSize() {
        return family == KeyFamily.EC ? size : 0;
    }
}
