package dev.jwtauthorizer.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Makes the attack suite's tokens with nimbus-jose-jwt, a JOSE library independent of the one the
 * authorizer uses, so that no token is shaped by the code it tests. Keys are generated here too.
 */
final class Forger {
    static final String ISSUER = "https://login.attack-suite.example";
    static final String AUDIENCE = "books-api";
    static final String HMAC_SECRET = "hmac-secret-for-the-attack-suite-0123456789";

    /** The issuer's keys, published in its key set. */
    static final RSAKey RSA = rsa("rsa-1");
    static final ECKey EC = ec(Curve.P_256, "ec-1");
    /** Keys the issuer never published. */
    static final ECKey EC_384 = ec(Curve.P_384, "ec384-1");
    static final RSAKey ATTACKER = rsa("attacker-1");

    private Forger() {
    }

    /** The issuer's key set, public parts only. */
    static String jwks() {
        return new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    /** iss, aud, sub=alice, iat=now, exp=now+1h and scope books:read, which the rules grant GET /books/* for. */
    static JWTClaimsSet.Builder claims() {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("alice")
                .issueTime(new Date(now))
                .expirationTime(new Date(now + 3_600_000))
                .claim("scope", "books:read");
    }

    static String genuine() {
        return sign(JWSAlgorithm.RS256, RSA, claims().build());
    }

    /** Signed by the key, with its kid in the header. */
    static String sign(JWSAlgorithm algorithm, JWK key, JWTClaimsSet claims) {
        return sign(algorithm, key, claims, header -> header);
    }

    static String sign(JWSAlgorithm algorithm, JWK key, JWTClaimsSet claims, UnaryOperator<JWSHeader.Builder> header) {
        return sign(header.apply(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())).build(), claims, signer(key));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token whose header and payload are exactly these bytes, signed by the key with the given
     * algorithm whatever the header says: for shapes no JOSE library will produce (duplicate
     * members, invalid UTF-8, odd alg spellings) but an attacker, or a sloppy issuer, can.
     */
    static String signRaw(byte[] header, byte[] payload, JWSAlgorithm algorithm, JWSSigner signer) {
        String signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload);
        return signingInput + "." + signature(signingInput, algorithm, signer);
    }

    /** The signature segment for this signing input, made with the algorithm whatever a header says. */
    static String signature(String signingInput, JWSAlgorithm algorithm, JWSSigner signer) {
        try {
            return signer.sign(new JWSHeader(algorithm), signingInput.getBytes(StandardCharsets.US_ASCII)).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String signRaw(String header, String payload) {
        return signRaw(utf8(header), utf8(payload), JWSAlgorithm.RS256, signer(RSA));
    }

    /** Header and payload as given, with a signature segment of these bytes. */
    static String unsigned(String header, String payload, byte[] signature) {
        return Base64URL.encode(utf8(header)) + "." + Base64URL.encode(utf8(payload)) + "." + Base64URL.encode(signature);
    }

    static JWSSigner signer(JWK key) {
        try {
            return key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC keyed with these bytes, at least 32 of them as nimbus insists. */
    static JWSSigner hmac(byte[] key) {
        try {
            return new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The standard claims as JSON text, for raw tokens. */
    static String payloadJson() {
        return claims().build().toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(Curve curve, String kid) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
