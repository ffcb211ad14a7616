package dev.jwtauthorizer.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

/**
 * One public key from a key set, with the JWK attributes that limit what it may verify.
 *
 * <p>Keys are parsed by the JDK's own key factory while the configuration is read, before the fast
 * crypto provider is installed. A provider handed a key of another provider's class converts it on
 * every check (for ACCP: the modulus into native memory, each time), so {@link #keyFor} imports the
 * key once into the provider that checks it, and again only when that provider changes.
 */
public final class VerificationKey {
    private final String kid;
    private final KeyFamily family;
    private final String curve;
    private final String use;
    private final String alg;
    private final List<String> keyOps;
    private final PublicKey publicKey;
    /** The key as the checking provider holds it; replaced whole, so readers see a matching pair. */
    private volatile Imported imported;

    private record Imported(Provider provider, PublicKey key) {
    }

    /**
     * @param kid     the key id, or null
     * @param family  RSA or EC
     * @param curve   the EC curve name ("P-256", ...), null for RSA
     * @param use     the JWK "use", or null when absent
     * @param alg     the JWK "alg", or null when absent
     * @param keyOps  the JWK "key_ops", or null when absent
     */
    public VerificationKey(String kid, KeyFamily family, String curve, String use, String alg,
                           List<String> keyOps, PublicKey publicKey) {
        this.kid = kid;
        this.family = family;
        this.curve = curve;
        this.use = use;
        this.alg = alg;
        this.keyOps = keyOps;
        this.publicKey = publicKey;
    }

    public String kid() {
        return kid;
    }

    public KeyFamily family() {
        return family;
    }

    public String curve() {
        return curve;
    }

    public String use() {
        return use;
    }

    public String alg() {
        return alg;
    }

    public List<String> keyOps() {
        return keyOps;
    }

    /** The key as parsed, by the JDK's provider. */
    public PublicKey publicKey() {
        return publicKey;
    }

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

    /**
     * This key as {@code provider} holds it: imported on the first call for that provider. Two
     * threads may both import it; either result is the same key. A provider that cannot import it
     * gets the parsed key, which it then converts per check, as before.
     */
    PublicKey keyFor(Provider provider) {
        Imported current = imported;
        if (current != null && current.provider == provider) {
            return current.key;
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance(family == KeyFamily.RSA ? "RSA" : "EC", provider)
                    .generatePublic(new X509EncodedKeySpec(publicKey.getEncoded()));
        } catch (GeneralSecurityException | RuntimeException e) {
            key = publicKey;
        }
        imported = new Imported(provider, key);
        return key;
    }

    @Override
    public String toString() {
        return "VerificationKey[kid=" + kid + ", " + family + (curve == null ? "" : " " + curve) + "]";
    }
}
