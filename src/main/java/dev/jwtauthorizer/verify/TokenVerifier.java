package dev.jwtauthorizer.verify;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a compact JWT: algorithm allow-list, issuer, key, signature, then time and audience.
 * Immutable and thread-safe; built once per container.
 *
 * <p>java-jwt decodes and checks the signature; the claim checks are done here so that each failure
 * has its own typed reason. The cheap checks that need no key (algorithm, critical headers, issuer)
 * come first, so a token from a stranger never causes a key fetch. Header fields that name keys
 * (jku, x5u, jwk, x5c) are never read: only configured keys verify.
 */
public final class TokenVerifier {
    private final Set<JwsAlgorithm> algorithms;
    private final Set<String> tokenTypes;
    private final Set<String> issuers;
    private final Set<String> audiences;
    private final KeySet keySet;
    private final HmacSecret hmacSecret;
    private final Duration leeway;
    private final Clock clock;

    /**
     * @param tokenTypes accepted typ values as configured; empty when typ is not checked
     * @param keySet     the key set for RS/PS/ES algorithms; null when none is allowed
     * @param hmacSecret the secret for HS algorithms; null when none is allowed
     */
    public TokenVerifier(Set<JwsAlgorithm> algorithms, Set<String> tokenTypes, Set<String> issuers, Set<String> audiences,
                         KeySet keySet, HmacSecret hmacSecret, Duration leeway, Clock clock) {
        this.algorithms = Set.copyOf(algorithms);
        this.tokenTypes = tokenTypes.stream().map(TokenVerifier::normaliseType).collect(Collectors.toUnmodifiableSet());
        this.issuers = Set.copyOf(issuers);
        this.audiences = Set.copyOf(audiences);
        this.keySet = keySet;
        this.hmacSecret = hmacSecret;
        this.leeway = leeway;
        this.clock = clock;
    }

    /**
     * @throws TokenRejectedException with the reason the token does not pass
     * @throws dev.jwtauthorizer.decision.KeySetUnavailableException when no keys can be had
     */
    public VerifiedToken verify(String compactJws) {
        DecodedJWT jwt = decode(compactJws);
        try {
            return verify(jwt);
        } catch (TokenRejectedException e) {
            throw e.withHeader(jwt.getAlgorithm(), jwt.getKeyId());
        }
    }

    private VerifiedToken verify(DecodedJWT jwt) {
        JwsAlgorithm algorithm = JwsAlgorithm.byName(jwt.getAlgorithm())
                .filter(algorithms::contains)
                .orElseThrow(() -> new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED));
        // RFC 7515 section 4.1.11: extensions listed in "crit" must be understood; we understand none.
        if (!jwt.getHeaderClaim("crit").isMissing()) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_CRITICAL_HEADER);
        }
        if (!tokenTypes.isEmpty() && (jwt.getType() == null || !tokenTypes.contains(normaliseType(jwt.getType())))) {
            throw new TokenRejectedException(Reason.WRONG_TOKEN_TYPE);
        }
        if (jwt.getIssuer() == null || !issuers.contains(jwt.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER);
        }
        checkSignature(jwt, verifierFor(algorithm, jwt.getKeyId()));
        checkTimes(jwt);
        List<String> tokenAudiences = jwt.getAudience();
        if (tokenAudiences == null || tokenAudiences.stream().noneMatch(audiences::contains)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        return new VerifiedToken(jwt, algorithm);
    }

    /** RFC 7515 section 4.1.9: "typ" is compared ignoring case, and "application/" may be left out. */
    private static String normaliseType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    private static DecodedJWT decode(String compactJws) {
        try {
            DecodedJWT jwt = JWT.decode(compactJws);
            // Read every field the checks use now, so that a header or payload that is JSON but not
            // an object ("null", "[]"), or exp as a string or an out-of-range number, fails here as
            // malformed rather than later as an internal error.
            jwt.getAlgorithm();
            jwt.getKeyId();
            jwt.getType();
            jwt.getHeaderClaim("crit");
            jwt.getIssuer();
            jwt.getAudience();
            jwt.getExpiresAtAsInstant();
            jwt.getNotBeforeAsInstant();
            jwt.getIssuedAtAsInstant();
            return jwt;
        } catch (RuntimeException e) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
    }

    private Algorithm verifierFor(JwsAlgorithm algorithm, String kid) {
        if (algorithm.family() == KeyFamily.HMAC) {
            return hmacSecret.verifierFor(algorithm);
        }
        return keySet.select(algorithm, kid).verifierFor(algorithm);
    }

    private static void checkSignature(DecodedJWT jwt, Algorithm verifier) {
        try {
            verifier.verify(jwt);
        } catch (RuntimeException e) {
            // Bad base64, wrong length, invalid DER, all-zero ECDSA values: all just a bad signature.
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
    }

    private void checkTimes(DecodedJWT jwt) {
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (expiresAt == null) {
            throw new TokenRejectedException(Reason.MISSING_EXPIRY);
        }
        // RFC 7519 section 4.1.4: the current time must be before exp.
        if (!now.isBefore(expiresAt.plus(leeway))) {
            throw new TokenRejectedException(Reason.EXPIRED);
        }
        Instant notBefore = jwt.getNotBeforeAsInstant();
        if (notBefore != null && now.plus(leeway).isBefore(notBefore)) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
        Instant issuedAt = jwt.getIssuedAtAsInstant();
        if (issuedAt != null && now.plus(leeway).isBefore(issuedAt)) {
            throw new TokenRejectedException(Reason.ISSUED_IN_FUTURE);
        }
    }
}
