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
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a JWKS document (RFC 7517) into verification keys. A key this authorizer must not or
 * cannot use (symmetric "oct" keys, unknown types or curves, RSA under 2048 bits, broken numbers)
 * is left out with a log line rather than failing the whole set, as one odd key in a provider's
 * set must not lock everyone out.
 */
public final class JwksParser {
    static final int MIN_RSA_BITS = 2048;
    private static final Map<String, String> CURVE_NAMES = Map.of(
            "P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

    private JwksParser() {
    }

    /** @throws IOException when the document is not a JSON object with a "keys" array */
    public static List<VerificationKey> parse(byte[] document) throws IOException {
        Map<String, Object> root;
        try {
            root = Json.asObject(Json.read(document));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a JWKS document: not JSON: " + e.getMessage());
        }
        if (root == null || !(root.get("keys") instanceof List<?> jwks)) {
            throw new IOException("not a JWKS document: expected an object with a \"keys\" array");
        }
        List<VerificationKey> keys = new ArrayList<>();
        for (Object element : jwks) {
            Map<String, Object> jwk = Json.asObject(element);
            String kid = jwk == null ? null : Json.text(jwk, "kid");
            try {
                keys.add(toKey(jwk, kid));
            } catch (UnusableKeyException | GeneralSecurityException | IllegalArgumentException e) {
                JsonLog.warn("jwks_key_skipped", "kid", kid, "why", e.getMessage());
            }
        }
        return List.copyOf(keys);
    }

    private static VerificationKey toKey(Map<String, Object> jwk, String kid) throws GeneralSecurityException {
        if (jwk == null) {
            throw new UnusableKeyException("not a JSON object");
        }
        String kty = Json.text(jwk, "kty");
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
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
            if (key.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new UnusableKeyException("RSA key shorter than " + MIN_RSA_BITS + " bits");
            }
            return new VerificationKey(kid, KeyFamily.RSA, null, use, alg, keyOps, key);
        }
        if ("EC".equals(kty)) {
            String crv = Json.text(jwk, "crv");
            String jcaName = crv == null ? null : CURVE_NAMES.get(crv);
            if (jcaName == null) {
                throw new UnusableKeyException("unsupported curve " + crv);
            }
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(jcaName));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            ECPoint point = new ECPoint(number(jwk, "x"), number(jwk, "y"));
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
            return new VerificationKey(kid, KeyFamily.EC, crv, use, alg, keyOps, key);
        }
        // "oct" lands here on purpose: an HMAC secret never comes from a key set.
        throw new UnusableKeyException("unsupported key type " + kty);
    }

    private static BigInteger number(Map<String, Object> jwk, String field) {
        String value = Json.text(jwk, field);
        if (value == null || value.isEmpty()) {
            throw new UnusableKeyException("missing \"" + field + "\"");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static final class UnusableKeyException extends RuntimeException {
        UnusableKeyException(String message) {
            super(message, null, false, false);
        }
    }
}
