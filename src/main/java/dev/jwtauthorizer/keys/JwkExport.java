package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Public keys written as JWKs (RFC 7517), for key sets this project makes itself. */
public final class JwkExport {
    private JwkExport() {
    }

    /** The public JWK of an RSA or EC (P-256/384/521) key; {@code alg} may be null. */
    public static Map<String, Object> publicJwk(PublicKey key, String kid, String alg) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", unsigned(rsa.getModulus()));
            jwk.put("e", unsigned(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            jwk.put("kty", "EC");
            jwk.put("crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521");
            jwk.put("x", coordinate(ec.getW().getAffineX(), bits));
            jwk.put("y", coordinate(ec.getW().getAffineY(), bits));
        } else {
            throw new IllegalArgumentException("not an RSA or EC public key");
        }
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        if (alg != null) {
            jwk.put("alg", alg);
        }
        return jwk;
    }

    /** A JWKS document holding these JWKs, as compact JSON. */
    @SafeVarargs
    public static String keySet(Map<String, Object>... jwks) {
        return Json.write(Map.of("keys", List.of(jwks)));
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7518 section 6.2.1.2: a coordinate is the full size for its curve, leading zeros kept. */
    private static String coordinate(BigInteger value, int fieldBits) {
        byte[] bytes = value.toByteArray();
        byte[] full = new byte[(fieldBits + 7) / 8];
        int length = Math.min(bytes.length, full.length);
        System.arraycopy(bytes, bytes.length - length, full, full.length - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(full);
    }
}
