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
            jwk.put("n", base64url(rsa.getModulus(), 0));
            jwk.put("e", base64url(rsa.getPublicExponent(), 0));
        } else if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            jwk.put("kty", "EC");
            jwk.put("crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521");
            jwk.put("x", base64url(ec.getW().getAffineX(), (bits + 7) / 8));
            jwk.put("y", base64url(ec.getW().getAffineY(), (bits + 7) / 8));
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

    /**
     * A non-negative number as big-endian bytes without a sign byte, left-padded with zeros to at
     * least {@code length} (0: the shortest form, as for an RSA modulus; a curve's size for an EC
     * coordinate, RFC 7518 section 6.2.1.2).
     */
    public static byte[] octets(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length >= length) {
            return bytes;
        }
        byte[] padded = new byte[length];
        System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
        return padded;
    }

    private static String base64url(BigInteger value, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(octets(value, length));
    }
}
