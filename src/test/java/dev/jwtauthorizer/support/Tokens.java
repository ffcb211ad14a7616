package dev.jwtauthorizer.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Makes test tokens: valid ones by default, each part changeable. */
public final class Tokens {
    public static final String ISSUER = "https://issuer.test.example";
    public static final String AUDIENCE = "books-api";
    public static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/42";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Tokens() {
    }

    /** A builder with iss, aud, sub=alice, iat=now and exp=now+1h already set. */
    public static JWTCreator.Builder claims() {
        Instant now = Instant.now();
        return JWT.create()
                .withIssuer(ISSUER)
                .withAudience(AUDIENCE)
                .withSubject("alice")
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(3600));
    }

    public static String rs256(KeyPair pair, String kid) {
        return claims().withKeyId(kid).sign(algorithm("RS256", pair));
    }

    public static Algorithm algorithm(String name, KeyPair pair) {
        return switch (name) {
            case "RS256" -> Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "RS384" -> Algorithm.RSA384((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "RS512" -> Algorithm.RSA512((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "PS256" -> Algorithm.RSA256PSS((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "PS384" -> Algorithm.RSA384PSS((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "PS512" -> Algorithm.RSA512PSS((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
            case "ES256" -> Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
            case "ES384" -> Algorithm.ECDSA384((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
            case "ES512" -> Algorithm.ECDSA512((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A token assembled by hand from a header and payload, with the given signature segment. */
    public static String raw(Map<String, Object> header, Map<String, Object> payload, String signature) {
        return b64(json(header)) + "." + b64(json(payload)) + "." + signature;
    }

    /** The standard valid payload as a map, to alter in raw tokens. */
    public static Map<String, Object> payload() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("aud", AUDIENCE);
        payload.put("sub", "alice");
        payload.put("iat", now);
        payload.put("exp", now + 3600);
        return payload;
    }

    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
