package dev.jwtauthorizer.verify;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a compact JWT: decodes it, picks the issuer's checks by its exact {@code iss}, and lets
 * them do the rest. Immutable and thread-safe; built once per container.
 *
 * <p>java-jwt decodes and checks signatures; the claim checks are ours, so that each failure has its
 * own typed reason. A token from an issuer that is not configured is refused here, before any key
 * is looked at, so it never causes a fetch.
 */
public final class TokenVerifier {
    private final Map<String, IssuerVerifier> byIssuer = new HashMap<>();

    public TokenVerifier(List<IssuerVerifier> issuers) {
        for (IssuerVerifier issuer : issuers) {
            for (String iss : issuer.config().issuers()) {
                byIssuer.put(iss, issuer);
            }
        }
    }

    /**
     * @throws TokenRejectedException with the reason the token does not pass
     * @throws dev.jwtauthorizer.decision.KeysUnavailableException when no keys can be had
     */
    public VerifiedToken verify(String compactJws) {
        DecodedJWT jwt = decode(compactJws);
        try {
            // RFC 7515 section 4.1.11: extensions listed in "crit" must be understood; we understand none.
            if (!jwt.getHeaderClaim("crit").isMissing()) {
                throw new TokenRejectedException(Reason.UNSUPPORTED_CRITICAL_HEADER);
            }
            IssuerVerifier issuer = jwt.getIssuer() == null ? null : byIssuer.get(jwt.getIssuer());
            if (issuer == null) {
                throw new TokenRejectedException(Reason.WRONG_ISSUER);
            }
            return issuer.verify(jwt);
        } catch (TokenRejectedException e) {
            throw e.withHeader(jwt.getAlgorithm(), jwt.getKeyId());
        }
    }

    private static DecodedJWT decode(String compactJws) {
        if (!StrictJson.isStrict(compactJws)) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
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
}
