package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.rules.RouteRules;
import java.util.Set;

/**
 * What the authorizer trusts from one issuer: its tokens are chosen by their {@code iss} before any
 * key is fetched, then checked with these settings alone.
 *
 * @param issuers         the exact iss values this entry accepts (several only when they share keys)
 * @param tokenTypes      accepted typ values as configured; empty: not checked
 * @param keySource       where RS/PS/ES keys come from; null when no such algorithm is allowed
 * @param hmacSecret      where the HS secret comes from; null when no HS algorithm is allowed
 * @param cognitoTokenUse the token_use a Cognito user pool's tokens must carry; null for other issuers
 * @param rules           null when not configured: a valid token may call every route of its stage
 */
public record IssuerConfig(
        Set<String> issuers,
        Set<String> audiences,
        Set<JwsAlgorithm> algorithms,
        Set<String> tokenTypes,
        KeySource keySource,
        KeySource hmacSecret,
        CognitoTokenUse cognitoTokenUse,
        RouteRules rules) {

    public IssuerConfig {
        issuers = Set.copyOf(issuers);
        audiences = Set.copyOf(audiences);
        algorithms = Set.copyOf(algorithms);
        tokenTypes = Set.copyOf(tokenTypes);
    }

    /** Amazon Cognito's {@code token_use} claim: which kind of token the API accepts. */
    public enum CognitoTokenUse {
        /** Access tokens carry the app client id in {@code client_id} and have no {@code aud}. */
        ACCESS("access"),
        /** ID tokens carry the app client id in {@code aud}. */
        ID("id");

        private final String claimValue;

        CognitoTokenUse(String claimValue) {
            this.claimValue = claimValue;
        }

        public String claimValue() {
            return claimValue;
        }
    }
}
