package dev.jwtauthorizer.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Key pairs made once per test run, and their JWK form. */
public final class TestKeys {
    public static final KeyPair RSA = rsa(2048);
    public static final KeyPair RSA_2 = rsa(2048);
    public static final KeyPair EC256 = ec("secp256r1");
    public static final KeyPair EC384 = ec("secp384r1");
    public static final KeyPair EC521 = ec("secp521r1");
    public static final String HMAC_SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestKeys() {
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK of a pair, with kid and any extra members (use, alg, ...) given as pairs. */
    public static Map<String, Object> jwk(KeyPair pair, String kid, String... extra) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        if (pair.getPublic() instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", b64(rsa.getModulus()));
            jwk.put("e", b64(rsa.getPublicExponent()));
        } else {
            ECPublicKey ec = (ECPublicKey) pair.getPublic();
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            jwk.put("kty", "EC");
            jwk.put("crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521");
            jwk.put("x", coordinate(ec.getW().getAffineX(), bits));
            jwk.put("y", coordinate(ec.getW().getAffineY(), bits));
        }
        if (kid != null) {
            jwk.put("kid", kid);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            jwk.put(extra[i], extra[i + 1]);
        }
        return jwk;
    }

    @SafeVarargs
    public static String jwks(Map<String, Object>... keys) {
        try {
            return MAPPER.writeValueAsString(Map.of("keys", List.of(keys)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
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
