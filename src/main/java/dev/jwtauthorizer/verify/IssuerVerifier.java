package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.config.IssuerConfig.CognitoTokenUse;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.keys.SignatureCheck;
import dev.jwtauthorizer.keys.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of one issuer, in order: algorithm allow-list, typ, key, signature, times, then
 * token_use and audience. The cheap checks that need no key come first. Header fields that name keys
 * (jku, x5u, jwk, x5c) are never read: only configured keys verify.
 */
public final class IssuerVerifier {
    private final IssuerConfig config;
    private final Set<String> tokenTypes;
    private final KeySet keySet;
    private final KeyCache<HmacSecret> hmacSecret;
    /** Null when there is no HMAC secret. */
    private final PublishedKeyGuard publishedKeys;
    private final Duration leeway;
    private final Clock clock;

    /**
     * @param keySet     the issuer's RS/PS/ES keys; null when no such algorithm is allowed
     * @param hmacSecret the issuer's HS secret; null when no HS algorithm is allowed
     * @param everyKeySet the key sets of every issuer, none of whose keys the secret may contain
     */
    public IssuerVerifier(IssuerConfig config, KeySet keySet, KeyCache<HmacSecret> hmacSecret, List<KeySet> everyKeySet,
                          Duration leeway, Clock clock) {
        this.config = config;
        Set<String> types = new HashSet<>();
        for (String type : config.tokenTypes()) {
            types.add(normaliseType(type));
        }
        this.tokenTypes = Set.copyOf(types);
        this.keySet = keySet;
        this.hmacSecret = hmacSecret;
        this.publishedKeys = hmacSecret == null ? null : new PublishedKeyGuard(everyKeySet);
        this.leeway = leeway;
        this.clock = clock;
    }

    public IssuerConfig config() {
        return config;
    }

    /** Which public key of any configured key set the secret contains, or null (see PublishedKeyGuard). */
    String publishedKeyIn(HmacSecret secret) {
        return publishedKeys == null ? null : publishedKeys.publishedIn(secret);
    }

    VerifiedToken verify(DecodedToken jwt) {
        JwsAlgorithm algorithm = JwsAlgorithm.byName(jwt.getAlgorithm()).orElse(null);
        if (algorithm == null || !config.algorithms().contains(algorithm)) {
            throw new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED);
        }
        if (!tokenTypes.isEmpty() && (jwt.getType() == null || !tokenTypes.contains(normaliseType(jwt.getType())))) {
            throw new TokenRejectedException(Reason.WRONG_TOKEN_TYPE);
        }
        checkSignature(jwt, algorithm);
        checkTimes(jwt);
        checkAudience(jwt);
        return new VerifiedToken(jwt.claims(), algorithm, jwt.getKeyId(), config);
    }

    /** RFC 7515 section 4.1.9: "typ" is compared ignoring case, and "application/" may be left out. */
    private static String normaliseType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }

    /**
     * Good when the HMAC secret, or any key with the token's kid that fits the algorithm (in set
     * order), verifies the signature. A loop, not a stream: this is the request path.
     */
    private void checkSignature(DecodedToken jwt, JwsAlgorithm algorithm) {
        byte[] signingInput = jwt.signingInput();
        int offset = jwt.signingInputOffset();
        int length = jwt.signingInputLength();
        byte[] signature = jwt.signature();
        if (algorithm.family() == KeyFamily.HMAC) {
            HmacSecret secret = hmacSecret.current();
            publishedKeys.check(secret);
            if (SignatureCheck.verifies(algorithm, secret, signingInput, offset, length, signature)) {
                return;
            }
        } else {
            for (VerificationKey key : keySet.candidates(algorithm, jwt.getKeyId())) {
                if (SignatureCheck.verifies(algorithm, key, signingInput, offset, length, signature)) {
                    return;
                }
            }
        }
        throw new TokenRejectedException(Reason.BAD_SIGNATURE);
    }

    private void checkTimes(DecodedToken jwt) {
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (expiresAt == null) {
            throw new TokenRejectedException(Reason.MISSING_EXPIRY);
        }
        // RFC 7519 section 4.1.4: the current time must be before exp. The leeway comes off now, not
        // onto exp: an exp near the largest representable time would overflow.
        if (!now.minus(leeway).isBefore(expiresAt)) {
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

    /**
     * Cognito access tokens carry no aud: the app client id is in client_id instead. Their token_use
     * tells access from ID tokens, which are signed by the same keys.
     */
    private void checkAudience(DecodedToken jwt) {
        CognitoTokenUse tokenUse = config.cognitoTokenUse();
        if (tokenUse != null && !tokenUse.claimValue().equals(Json.text(jwt.claims(), "token_use"))) {
            throw new TokenRejectedException(Reason.WRONG_TOKEN_USE);
        }
        if (tokenUse == CognitoTokenUse.ACCESS) {
            String clientId = Json.text(jwt.claims(), "client_id");
            if (clientId == null || !config.audiences().contains(clientId)) {
                throw new TokenRejectedException(Reason.WRONG_CLIENT_ID);
            }
            return;
        }
        List<String> tokenAudiences = jwt.getAudience();
        if (tokenAudiences != null) {
            for (String audience : tokenAudiences) {
                if (config.audiences().contains(audience)) {
                    return;
                }
            }
        }
        throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
    }
}
