package dev.jwtauthorizer.request;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the one credential a request carries: a JWT from the token sources, or an API key from the
 * API key sources (read only when API keys are configured). A place listed in both holds a JWT when
 * its value has a JWT's shape, else an API key; a TOKEN event's one value is told apart the same way.
 * A request with a JWT and an API key, or two different API keys, is refused: which one the client
 * meant cannot be known, and a guess could let a second, planted credential decide.
 */
public final class CredentialFinder {
    private final TokenSources tokenSources;
    private final TokenSources apiKeySources;
    private final Set<String> tokenPlaces = new HashSet<>();
    private final Set<String> apiKeyPlaces = new HashSet<>();

    /**
     * @param tokenSources  where JWTs are carried; null when only API keys are accepted
     * @param apiKeySources where API keys are carried; null when API keys are not configured
     */
    public CredentialFinder(TokenSources tokenSources, TokenSources apiKeySources) {
        if (tokenSources == null && apiKeySources == null) {
            throw new IllegalArgumentException("a request needs some place to carry a credential");
        }
        this.tokenSources = tokenSources;
        this.apiKeySources = apiKeySources;
        if (tokenSources != null) {
            for (TokenSource source : tokenSources.sources()) {
                tokenPlaces.add(source.place());
            }
        }
        if (apiKeySources != null) {
            for (TokenSource source : apiKeySources.sources()) {
                apiKeyPlaces.add(source.place());
            }
        }
    }

    /**
     * @throws TokenRejectedException MISSING_TOKEN when there is none, AMBIGUOUS_TOKEN for two different
     *                                JWTs, AMBIGUOUS_CREDENTIALS for a JWT and an API key, or two API keys
     */
    public Credential find(AuthorizerRequest request) {
        if (apiKeySources == null) {
            TokenSources.Found found = tokenSources.find(request);
            return new Credential(Credential.Kind.JWT, found.value(), found.source());
        }
        if (request.kind() == ApiKind.REST_TOKEN) {
            String value = request.authorizationToken();
            if (value == null || value.isEmpty()) {
                throw new TokenRejectedException(Reason.MISSING_TOKEN);
            }
            boolean jwt = tokenSources != null && Credential.looksLikeJwt(value);
            return new Credential(jwt ? Credential.Kind.JWT : Credential.Kind.API_KEY, value, null);
        }
        Credential jwt = null;
        Set<String> jwts = new HashSet<>(2);
        if (tokenSources != null) {
            for (TokenSource source : tokenSources.sources()) {
                boolean shared = apiKeyPlaces.contains(source.place());
                for (String value : source.valuesIn(request)) {
                    if (!shared || Credential.looksLikeJwt(value)) {
                        jwts.add(Credential.withoutScheme(value));
                        jwt = jwt == null ? new Credential(Credential.Kind.JWT, value, source) : jwt;
                    }
                }
            }
        }
        Credential apiKey = null;
        Set<String> apiKeys = new HashSet<>(2);
        for (TokenSource source : apiKeySources.sources()) {
            boolean shared = tokenSources != null && tokenPlaces.contains(source.place());
            for (String value : source.valuesIn(request)) {
                if (!shared || !Credential.looksLikeJwt(value)) {
                    Credential key = new Credential(Credential.Kind.API_KEY, value, source);
                    apiKeys.add(key.presented());
                    apiKey = apiKey == null ? key : apiKey;
                }
            }
        }
        if (jwt != null && apiKey != null || apiKeys.size() > 1) {
            throw new TokenRejectedException(Reason.AMBIGUOUS_CREDENTIALS);
        }
        if (jwts.size() > 1) {
            throw new TokenRejectedException(Reason.AMBIGUOUS_TOKEN);
        }
        if (jwt == null && apiKey == null) {
            throw new TokenRejectedException(Reason.MISSING_TOKEN);
        }
        return jwt != null ? jwt : apiKey;
    }
}
