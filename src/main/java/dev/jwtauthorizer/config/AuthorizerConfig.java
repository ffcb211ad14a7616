package dev.jwtauthorizer.config;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.request.TokenSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The authorizer's configuration, read and validated once per container by {@link ConfigReader}.
 *
 * @param issuers              one entry per trusted issuer, each with its own keys and rules
 * @param usageIdentifierClaim null when not configured
 * @param fetchTimeout         connect and read timeout of each key set, discovery or secret fetch
 * @param keyLifetime          how long fetched keys and secrets are trusted
 * @param tokenSources         where REQUEST events carry the token
 * @param httpApiResponse      the shape of the answer to HTTP API payload 2.0 events
 */
public record AuthorizerConfig(
        List<IssuerConfig> issuers,
        Duration leeway,
        int maxTokenLength,
        ClaimPath principalClaim,
        List<ClaimPath> contextClaims,
        ClaimPath usageIdentifierClaim,
        Duration fetchTimeout,
        KeyLifetime keyLifetime,
        TokenSources tokenSources,
        HttpApiResponse httpApiResponse) {

    public AuthorizerConfig {
        issuers = List.copyOf(issuers);
        contextClaims = List.copyOf(contextClaims);
    }

    public static AuthorizerConfig fromEnvironment(Map<String, String> environment) {
        return new ConfigReader(environment).read();
    }
}
