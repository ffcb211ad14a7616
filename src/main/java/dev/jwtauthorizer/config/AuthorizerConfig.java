package dev.jwtauthorizer.config;

import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.rules.RouteRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorizer's configuration, read and validated once per container by {@link ConfigReader}.
 *
 * @param tokenTypes           accepted typ values as configured; empty: not checked
 * @param keySource            where RS/PS/ES keys come from; null when no such algorithm is allowed
 * @param keySourceIsLocal     inline or file keys, which must load at start (a remote set may be down)
 * @param hmacSecret           the HS secret; null when no HS algorithm is allowed
 * @param usageIdentifierClaim null when not configured
 * @param rules                null when not configured: a valid token may call every route of its stage
 */
public record AuthorizerConfig(
        Set<String> issuers,
        Set<String> audiences,
        Set<JwsAlgorithm> algorithms,
        Set<String> tokenTypes,
        KeySource keySource,
        boolean keySourceIsLocal,
        HmacSecret hmacSecret,
        Duration leeway,
        int maxTokenLength,
        String principalClaim,
        List<String> contextClaims,
        String usageIdentifierClaim,
        RouteRules rules,
        Duration jwksTimeout,
        Duration jwksRefreshCooldown) {

    public static AuthorizerConfig fromEnvironment(Map<String, String> environment) {
        return new ConfigReader(environment).read();
    }
}
