package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.token.CompactJws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a compact JWT: decodes it, picks the issuer's checks by its exact {@code iss}, and lets
 * them do the rest. Immutable and thread-safe; built once per container.
 *
 * <p>The token is read once, strictly ({@link DecodedToken}); its signature is checked with the
 * JCA directly ({@code keys.SignatureCheck}); the claim checks are ours, so that each failure has
 * its own typed reason. A token from an issuer that is not configured is refused here, before any key
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
     * A bare compact JWS, not yet checked for shape.
     *
     * @throws TokenRejectedException with the reason the token does not pass
     * @throws dev.jwtauthorizer.decision.KeysUnavailableException when no keys can be had
     */
    public VerifiedToken verify(String compactJws) {
        return verify(CompactJws.of(compactJws));
    }

    /**
     * @param token as {@code BearerToken} took it out of its header value
     * @throws TokenRejectedException with the reason the token does not pass
     * @throws dev.jwtauthorizer.decision.KeysUnavailableException when no keys can be had
     */
    public VerifiedToken verify(CompactJws token) {
        DecodedToken jwt = DecodedToken.decode(token);
        try {
            // RFC 7515 section 4.1.11: extensions listed in "crit" must be understood; we understand none.
            if (jwt.hasHeaderMember("crit")) {
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
}
