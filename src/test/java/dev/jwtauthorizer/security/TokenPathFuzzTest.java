package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the token path: header, payload and signature shaped by the fuzzer,
 * through the real handler. The invariant: no Allow unless the token carries a genuine signature
 * from a configured key and nimbus-jose-jwt, checking independently, accepts its signature and
 * claims; no answer other than Allow, 403 or 401; no token material in the log.
 *
 * <p>{@code mvn verify} replays the kept inputs under {@code src/test/resources/.../TokenPathFuzzTestInputs};
 * a fuzzing run is described in SECURITY.md.
 */
class TokenPathFuzzTest {
    private static final String SECRET = Forger.HMAC_SECRET;
    // Built once per JVM, as Lambda builds the handler once per container.
    private static final TokenAuthorizerHandler HANDLER = new TokenAuthorizerHandler(Authorizer.fromEnvironment(Map.of(
            "JWT_ISSUER", Forger.ISSUER,
            "JWT_AUDIENCE", Forger.AUDIENCE,
            "JWT_ALGORITHMS", "RS256,ES256,HS256",
            "JWT_JWKS", Forger.jwks(),
            "JWT_HMAC_SECRET", SECRET)));

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"alg\"", "\"RS256\"", "\"HS256\"", "\"ES256\"", "\"none\"", "\"kid\"", "\"rsa-1\"", "\"ec-1\"", "\"typ\"",
        "\"crit\"", "\"jwk\"", "\"jku\"", "\"iss\"", "\"aud\"", "\"sub\"", "\"exp\"", "\"nbf\"", "\"iat\"", "https://login.attack-suite.example",
        "books-api", "Bearer ", "eyJ", "\\u0000", "\\ud800", "1e400", "null", "[]", "{}"})
    void noAllowWithoutAGenuineSignatureAndValidClaims(FuzzedDataProvider data) {
        answerChecked(FuzzedToken.from(data));
    }

    @Test
    void theInvariantHoldsForAGenuineTokenAndCatchesAForgedOne() {
        String genuine = Forger.sign(new JWSHeader(JWSAlgorithm.HS256), Forger.claims().build(), Forger.hmac(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertEquals("Allow", answerChecked(new FuzzedToken("Bearer " + genuine, genuine, FuzzedToken.Signer.HMAC)).status());
        // Were the authorizer to allow these, the invariant would fail the run: the harness did not
        // sign the first, and nimbus refuses the second's claims.
        assertFalse(independentlyValid(new FuzzedToken("Bearer " + genuine, genuine, FuzzedToken.Signer.RSA)));
        String expired = Forger.sign(new JWSHeader(JWSAlgorithm.HS256), Forger.claims().expirationTime(new Date(0)).build(),
                Forger.hmac(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertFalse(independentlyValid(new FuzzedToken(expired, expired, FuzzedToken.Signer.HMAC)));
        assertEquals("401", answerChecked(new FuzzedToken(expired, expired, FuzzedToken.Signer.HMAC)).status());
    }

    private static Answer answerChecked(FuzzedToken token) {
        Answer answer = Answer.of(HANDLER, token.authorization(), AttackSuiteTest.METHOD_ARN);

        assertTrue(Set.of("Allow", "403", "401").contains(answer.status()), answer.status() + " " + answer.reason());
        if (answer.status().equals("Allow")) {
            assertTrue(token.signer() != FuzzedToken.Signer.NONE, "Allow for a token the harness never signed");
            assertTrue(independentlyValid(token), "Allow for a token nimbus-jose-jwt refuses: " + token);
            String scheme = token.authorization().substring(0, token.authorization().length() - token.compact().length());
            assertTrue(scheme.isEmpty() || scheme.equalsIgnoreCase("Bearer "), "Allow with the scheme " + scheme);
        }
        String value = token.authorization();
        int lastDot = value.lastIndexOf('.');
        if (lastDot >= 0 && value.length() - lastDot > 16) {
            assertFalse(answer.log().contains(value.substring(lastDot + 1)), "a signature was logged");
        }
        return answer;
    }

    /** What another JOSE library makes of the token: signature by the key the harness used, exact iss, aud, exp and sub. */
    private static boolean independentlyValid(FuzzedToken token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token.compact());
            JWSVerifier verifier = token.signer() == FuzzedToken.Signer.HMAC
                    ? new MACVerifier(SECRET)
                    : new RSASSAVerifier(Forger.RSA.toPublicJWK());
            JWSAlgorithm expected = token.signer() == FuzzedToken.Signer.HMAC ? JWSAlgorithm.HS256 : JWSAlgorithm.RS256;
            if (!jwt.getHeader().getAlgorithm().equals(expected) || !jwt.verify(verifier)) {
                return false;
            }
            DefaultJWTClaimsVerifier<?> claims = new DefaultJWTClaimsVerifier<>(Forger.AUDIENCE,
                    new JWTClaimsSet.Builder().issuer(Forger.ISSUER).build(), Set.of("exp", "sub"));
            // Ours allows 5 s; 2 s more absorbs the clock ticking between making the token and this check.
            claims.setMaxClockSkew(7);
            claims.verify(jwt.getJWTClaimsSet(), null);
            return !jwt.getJWTClaimsSet().getSubject().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
