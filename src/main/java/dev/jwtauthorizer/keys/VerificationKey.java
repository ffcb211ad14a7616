package dev.jwtauthorizer.keys;

import com.auth0.jwt.algorithms.Algorithm;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * One public key from a key set, with the JWK attributes that limit what it may verify.
 *
 * @param kid     the key id, or null
 * @param family  RSA or EC
 * @param curve   the EC curve name ("P-256", ...), null for RSA
 * @param use     the JWK "use", or null when absent
 * @param alg     the JWK "alg", or null when absent
 * @param keyOps  the JWK "key_ops", or null when absent
 */
public record VerificationKey(String kid, KeyFamily family, String curve, String use, String alg,
                              List<String> keyOps, PublicKey publicKey) {

    /** Whether this key may verify a token signed with {@code algorithm} (kty, crv, use, alg, key_ops). */
    public boolean fits(JwsAlgorithm algorithm) {
        if (algorithm.family() != family) {
            return false;
        }
        if (family == KeyFamily.EC && !algorithm.curve().equals(curve)) {
            return false;
        }
        if (use != null && !use.equals("sig")) {
            return false;
        }
        if (alg != null && !alg.equals(algorithm.name())) {
            return false;
        }
        return keyOps == null || keyOps.contains("verify");
    }

    /** The java-jwt verifier for this key; call only when {@link #fits} holds. */
    public Algorithm verifierFor(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) publicKey, null);
            case RS384 -> Algorithm.RSA384((RSAPublicKey) publicKey, null);
            case RS512 -> Algorithm.RSA512((RSAPublicKey) publicKey, null);
            case PS256 -> Algorithm.RSA256PSS((RSAPublicKey) publicKey, null);
            case PS384 -> Algorithm.RSA384PSS((RSAPublicKey) publicKey, null);
            case PS512 -> Algorithm.RSA512PSS((RSAPublicKey) publicKey, null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) publicKey, null);
            case ES384 -> Algorithm.ECDSA384((ECPublicKey) publicKey, null);
            case ES512 -> Algorithm.ECDSA512((ECPublicKey) publicKey, null);
            case HS256, HS384, HS512 -> throw new IllegalArgumentException("a public key never verifies " + algorithm);
        };
    }
}
