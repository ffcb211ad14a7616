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
 * @param issuers              one entry per trusted issuer, each with its own keys and rules; empty only
 *                             with API keys and no issuer setting (API keys only)
 * @param usageIdentifierClaim null when not configured
 * @param fetchTimeout         connect and read timeout of each key set, discovery or secret fetch
 * @param keyLifetime          how long fetched keys and secrets are trusted
 * @param tokenSources         where REQUEST events carry the token
 * @param httpApiResponse      the shape of the answer to HTTP API payload 2.0 events
 * @param apiKeys              API keys; null when not configured
 * @param customCheck          the class name of the custom check; null when not configured
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
        HttpApiResponse httpApiResponse,
        ApiKeysConfig apiKeys,
        String customCheck) {

    public AuthorizerConfig {
        issuers = List.copyOf(issuers);
        contextClaims = List.copyOf(contextClaims);
    }

    /**
     * API keys without any JWT issuer: requests are judged by their API key alone, and token sources
     * are not read.
     */
    public boolean apiKeysOnly() {
        return issuers.isEmpty();
    }

    public static AuthorizerConfig fromEnvironment(Map<String, String> environment) {
        return new ConfigReader(environment).read();
    }
}
