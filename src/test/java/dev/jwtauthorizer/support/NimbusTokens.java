package dev.jwtauthorizer.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Keys, key sets and tokens made with nimbus-jose-jwt, a library independent of the authorizer's,
 * for the issuer of {@link Tokens} (its iss and aud, sub=alice, valid for an hour).
 */
public final class NimbusTokens {
    private NimbusTokens() {
    }

    public static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ECKey ec(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key under another kid. */
    public static RSAKey withKid(RSAKey key, String kid) {
        return new RSAKey.Builder(key).keyID(kid).build();
    }

    /** A key set document of the public parts of these keys, or of JWKs given as maps, in order. */
    public static String jwks(Object... keys) {
        List<Object> jwks = new ArrayList<>();
        for (Object key : keys) {
            jwks.add(key instanceof JWK jwk ? jwk.toPublicJWK().toJSONObject() : key);
        }
        return Tokens.json(Map.of("keys", jwks));
    }

    /** Signed by the key with the algorithm; the header names {@code kid}, or no kid when null. */
    public static String token(JWSAlgorithm algorithm, JWK key, String kid) {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Tokens.ISSUER)
                .audience(Tokens.AUDIENCE)
                .subject("alice")
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 3_600_000))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).build(), claims);
            jwt.sign(key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 or ES256 by the key's type, with its own kid. */
    public static String token(JWK key) {
        return token(key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256, key, key.getKeyID());
    }
}
