package dev.jwtauthorizer.apikeys;

import dev.jwtauthorizer.policy.Route;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One active API key, as the key list describes it: never the key, only its digest. Immutable.
 * Its string form is its id alone, so that no log or message can print the digest by accident.
 */
public final class ApiKeyEntry {
    private final String id;
    private final DigestAlgorithm algorithm;
    private final byte[] digest;
    private final String principal;
    private final List<Route> routes;
    private final String usageIdentifierKey;
    private final Map<String, Object> context;

    /**
     * @param usageIdentifierKey null when the entry has none
     * @param context            the entry's own context: strings, numbers and booleans
     */
    ApiKeyEntry(String id, DigestAlgorithm algorithm, byte[] digest, String principal, List<Route> routes,
                String usageIdentifierKey, Map<String, Object> context) {
        this.id = id;
        this.algorithm = algorithm;
        this.digest = digest.clone();
        this.principal = principal;
        this.routes = List.copyOf(routes);
        this.usageIdentifierKey = usageIdentifierKey;
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** Logged, and put in the answer's context as {@code apiKeyId}. */
    public String id() {
        return id;
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    /** Compared in place by the matcher; never handed out. */
    byte[] digest() {
        return digest;
    }

    /** The answer's principalId. */
    public String principal() {
        return principal;
    }

    /** The routes the key may call, in the syntax of a rule's allow. */
    public List<Route> routes() {
        return routes;
    }

    /** Null when not given. */
    public String usageIdentifierKey() {
        return usageIdentifierKey;
    }

    public Map<String, Object> context() {
        return context;
    }

    @Override
    public String toString() {
        return "API key " + id;
    }
}
