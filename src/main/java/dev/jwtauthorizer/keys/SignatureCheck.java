package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.crypto.ProviderListMark;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * Checks a token's signature with the Java Cryptography Architecture directly, with one
 * {@code Signature} or {@code Mac} per thread and algorithm, reused from token to token.
 *
 * <p>Looking an engine up in the provider list costs about a microsecond and a fresh engine's first
 * use more, on every token; so each thread keeps its engines, and looks them up again as soon as the
 * fast crypto provider is installed, after the first answer ({@link ProviderListMark}, the same
 * scheme as the decision log's SHA-256). Keys are imported into the engine's
 * provider once ({@link VerificationKey#keyFor}); an HMAC engine is initialised again only when
 * the secret changes.
 *
 * <p>What java-jwt's algorithms did, kept: a public key verifies only its family's algorithms
 * (the caller checks {@link VerificationKey#fits}), RSASSA-PSS with RFC 7518's parameters, ECDSA
 * signatures in JOSE form with R and S in range ({@link EcdsaSignature}), HMAC compared in
 * constant time. Any exception (a signature of the wrong length, a provider's refusal) is a bad
 * signature, and the engine it came from is dropped rather than trusted in an unknown state.
 */
public final class SignatureCheck {
    // Not ThreadLocal.withInitial(X::new): each method reference spins a class at cold start
    // (docs/PERFORMANCE.md).
    private static final ThreadLocal<Engines> ENGINES = new ThreadLocal<>() {
        @Override
        protected Engines initialValue() {
            return new Engines();
        }
    };

    private SignatureCheck() {
    }

    /**
     * @param signingInput the token's bytes; {@code length} of them from {@code offset} are what was signed
     * @param signature    the signature segment, base64url-decoded
     * @param key          a key that {@link VerificationKey#fits fits} the algorithm
     */
    public static boolean verifies(JwsAlgorithm algorithm, VerificationKey key, byte[] signingInput, int offset, int length,
                                   byte[] signature) {
        Engines engines = ENGINES.get();
        try {
            byte[] jcaSignature = signature;
            if (algorithm.family() == KeyFamily.EC) {
                jcaSignature = EcdsaSignature.toDer(signature, algorithm.ecNumberSize(),
                        ((ECPublicKey) key.publicKey()).getParams().getOrder());
                if (jcaSignature == null) {
                    return false;
                }
            }
            Signature engine = engines.signature(algorithm);
            if (engine.getAlgorithm().equals("RSASSA-PSS")) {
                // Set before each initialisation, as java-jwt did: not every provider keeps them across one.
                engine.setParameter(algorithm.pssParameters());
            }
            engine.initVerify(key.keyFor(engine.getProvider()));
            engine.update(signingInput, offset, length);
            return engine.verify(jcaSignature);
        } catch (GeneralSecurityException | RuntimeException e) {
            engines.drop(algorithm);
            return false;
        }
    }

    /** The HMAC of the signing input under {@code secret}, compared with the signature in constant time. */
    public static boolean verifies(JwsAlgorithm algorithm, HmacSecret secret, byte[] signingInput, int offset, int length,
                                   byte[] signature) {
        Engines engines = ENGINES.get();
        try {
            Mac engine = engines.mac(algorithm, secret);
            engine.update(signingInput, offset, length);
            return MessageDigest.isEqual(engine.doFinal(), signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            engines.drop(algorithm);
            return false;
        }
    }

    /** One thread's engines, by algorithm. */
    private static final class Engines {
        private final Signature[] signatures = new Signature[JwsAlgorithm.values().length];
        private final Mac[] macs = new Mac[JwsAlgorithm.values().length];
        /** The secret each Mac was initialised with. */
        private final HmacSecret[] macSecrets = new HmacSecret[JwsAlgorithm.values().length];
        private final ProviderListMark providers = new ProviderListMark();

        Signature signature(JwsAlgorithm algorithm) throws GeneralSecurityException {
            expireIfStale();
            Signature engine = signatures[algorithm.ordinal()];
            if (engine == null) {
                engine = Signature.getInstance(algorithm.jcaName());
                signatures[algorithm.ordinal()] = engine;
            }
            return engine;
        }

        Mac mac(JwsAlgorithm algorithm, HmacSecret secret) throws GeneralSecurityException {
            expireIfStale();
            int i = algorithm.ordinal();
            Mac engine = macs[i];
            if (engine == null) {
                engine = Mac.getInstance(algorithm.jcaName());
                macs[i] = engine;
                macSecrets[i] = null;
            }
            if (macSecrets[i] != secret) {
                engine.init(secret.keySpec(algorithm));
                macSecrets[i] = secret;
            }
            return engine;
        }

        void drop(JwsAlgorithm algorithm) {
            signatures[algorithm.ordinal()] = null;
            macs[algorithm.ordinal()] = null;
            macSecrets[algorithm.ordinal()] = null;
        }

        /**
         * Forgets every engine when this authorizer has changed the provider list (the fast provider
         * just installed, or removed after a failed self-test), so that the next check takes its first.
         */
        private void expireIfStale() {
            if (providers.moved()) {
                Arrays.fill(signatures, null);
                Arrays.fill(macs, null);
                Arrays.fill(macSecrets, null);
            }
        }
    }
}
