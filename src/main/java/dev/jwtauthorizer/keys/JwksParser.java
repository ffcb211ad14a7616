package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.log.JsonLog;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns a JWKS document (RFC 7517) into verification keys. A key this authorizer must not or
 * cannot use (private key material, symmetric "oct" keys, unknown types or curves, RSA under 2048
 * bits, an EC point off its curve, anything the crypto provider refuses) is left out with a
 * {@code jwks_key_skipped} line naming its kid and why, rather than failing the whole set: one odd
 * key in a provider's set must not lock everyone out, nor keep a rotated-in key from being learned.
 * A set left with no usable key is not a key set: parsing fails, and a cache keeps its last good one.
 */
public final class JwksParser {
    static final int MIN_RSA_BITS = 2048;
    /**
     * Keys sharing one kid are all tried, in set order (a provider may publish an old and a new key
     * under one kid while rotating, or an RSA and an EC key); this many at most, so one token never
     * costs more than this many signature checks.
     */
    static final int MAX_KEYS_PER_KID = 4;
    /** RFC 7518 sections 6.3.2, 6.2.2 and 6.4.1: members only a private or symmetric key has. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final int REASONS_IN_MESSAGE = 2;
    /** Key sets parsed so far, for tests that check a document is parsed once. */
    private static final AtomicInteger keySetsParsed = new AtomicInteger();

    private JwksParser() {
    }

    /**
     * @throws IOException when the document is not a JSON object with a "keys" array, or when that
     *                     array holds no usable key
     */
    public static List<VerificationKey> parse(byte[] document) throws IOException {
        Object json;
        try {
            json = Json.read(document);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a JWKS document: not JSON: " + e.getMessage());
        }
        return keysOf(json);
    }

    /** {@link #parse} of a document already read as JSON. */
    public static List<VerificationKey> keysOf(Object json) throws IOException {
        keySetsParsed.incrementAndGet();
        Map<String, Object> root = Json.asObject(json);
        if (root == null || !(root.get("keys") instanceof List<?> jwks)) {
            throw new IOException("not a JWKS document: expected an object with a \"keys\" array");
        }
        List<VerificationKey> keys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> keysPerKid = new HashMap<>();
        for (Object element : jwks) {
            Map<String, Object> jwk = Json.asObject(element);
            String kid = jwk == null ? null : Json.text(jwk, "kid");
            String why;
            try {
                VerificationKey key = toKey(jwk, kid);
                int sharing = kid == null ? 0 : keysPerKid.getOrDefault(kid, 0) + 1;
                if (kid != null) {
                    keysPerKid.put(kid, sharing);
                }
                if (sharing <= MAX_KEYS_PER_KID) {
                    keys.add(key);
                    continue;
                }
                why = "more than " + MAX_KEYS_PER_KID + " usable keys share this kid";
            } catch (UnusableKeyException e) {
                why = e.getMessage();
            } catch (GeneralSecurityException | RuntimeException e) {
                // The provider's own words may quote the key: its class says enough.
                why = "the crypto provider refused it: " + e.getClass().getSimpleName();
            }
            JsonLog.warn("jwks_key_skipped", "kid", kid, "why", why);
            skipped.add((kid == null ? "a key without kid" : "kid \"" + shorten(kid) + "\"") + ": " + why);
        }
        if (keys.isEmpty()) {
            throw new IOException("no usable key in the key set: " + (skipped.isEmpty()
                    ? "the \"keys\" array is empty"
                    : "all " + skipped.size() + " skipped (" + String.join("; ", skipped.subList(0, Math.min(REASONS_IN_MESSAGE, skipped.size())))
                    + (skipped.size() > REASONS_IN_MESSAGE ? "; ..." : "") + ")"));
        }
        return List.copyOf(keys);
    }

    static int keySetsParsed() {
        return keySetsParsed.get();
    }

    /** The members of this JWK that only a private or symmetric key has; empty for a public key. */
    public static List<String> privateMembers(Map<String, Object> jwk) {
        List<String> found = new ArrayList<>(0);
        for (String member : PRIVATE_MEMBERS) {
            if (jwk.containsKey(member)) {
                found.add(member);
            }
        }
        return found;
    }

    private static VerificationKey toKey(Map<String, Object> jwk, String kid) throws GeneralSecurityException {
        if (jwk == null) {
            throw new UnusableKeyException("not a JSON object");
        }
        String kty = Json.text(jwk, "kty");
        // Checked first: whatever else is wrong with the key, its publisher must hear this.
        if (!privateMembers(jwk).isEmpty()) {
            throw new UnusableKeyException("private key material published");
        }
        String use = Json.text(jwk, "use");
        String alg = Json.text(jwk, "alg");
        List<String> keyOps = null;
        if (jwk.containsKey("key_ops")) {
            keyOps = new ArrayList<>();
            if (jwk.get("key_ops") instanceof List<?> ops) {
                for (Object op : ops) {
                    keyOps.add(String.valueOf(op));
                }
            }
        }
        if ("RSA".equals(kty)) {
            BigInteger exponent = new BigInteger(1, octets(jwk, "e"));
            // An exponent of 1 makes every value its own signature; even ones are not RSA.
            if (exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
                throw new UnusableKeyException("RSA exponent is not an odd number of at least 3");
            }
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(new BigInteger(1, octets(jwk, "n")), exponent));
            if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new UnusableKeyException("RSA key shorter than " + MIN_RSA_BITS + " bits");
            }
            return new VerificationKey(kid, KeyFamily.RSA, null, use, alg, keyOps, key);
        }
        if ("EC".equals(kty)) {
            String crv = Json.text(jwk, "crv");
            EcCurve curve = EcCurve.byJwkName(crv).orElseThrow(() -> new UnusableKeyException("unsupported curve " + crv));
            ECPublicKeySpec spec;
            try {
                spec = new ECPublicKeySpec(curve.publicPoint(octets(jwk, "x"), octets(jwk, "y")), parameters(curve));
            } catch (IllegalArgumentException e) {
                throw new UnusableKeyException(e.getMessage());
            }
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(spec);
            return new VerificationKey(kid, KeyFamily.EC, curve.jwkName(), use, alg, keyOps, key);
        }
        // "oct" lands here on purpose: an HMAC secret never comes from a key set.
        throw new UnusableKeyException("unsupported key type " + kty);
    }

    private static ECParameterSpec parameters(EcCurve curve) throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve.jcaName()));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    /** The bytes of a base64url member (RFC 7518 section 2, "Base64urlUInt" and coordinates). */
    private static byte[] octets(Map<String, Object> jwk, String member) {
        String value = Json.text(jwk, member);
        if (value == null || value.isEmpty()) {
            throw new UnusableKeyException("missing \"" + member + "\"");
        }
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new UnusableKeyException("\"" + member + "\" is not base64url");
        }
    }

    private static String shorten(String kid) {
        return kid.length() <= 40 ? kid : kid.substring(0, 40) + "...";
    }

    private static final class UnusableKeyException extends RuntimeException {
        UnusableKeyException(String message) {
            super(message, null, false, false);
        }
    }
}
