package dev.jwtauthorizer.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the answer to a TOKEN authorizer request. Usable from any handler:
 *
 * <pre>{@code
 * AuthorizerResponse response = PolicyBuilder.forRequest(MethodArn.parse(event.getMethodArn()))
 *         .principalId("alice")
 *         .allow("GET", "/books/*")
 *         .deny("DELETE", "/books/*")
 *         .context("tier", "gold")
 *         .build();
 * return response.toMap();
 * }</pre>
 *
 * Every resource is built from the request's own partition, region, account, API and stage.
 */
public final class PolicyBuilder {
    private final MethodArn methodArn;
    private final List<String> allowed = new ArrayList<>();
    private final List<String> denied = new ArrayList<>();
    private final Map<String, Object> context = new LinkedHashMap<>();
    private String principalId;
    private String usageIdentifierKey;

    private PolicyBuilder(MethodArn methodArn) {
        this.methodArn = methodArn;
    }

    public static PolicyBuilder forRequest(MethodArn methodArn) {
        return new PolicyBuilder(methodArn);
    }

    public PolicyBuilder principalId(String principalId) {
        this.principalId = principalId;
        return this;
    }

    /** Allows a verb ("GET", or "*" for all) on a path pattern ("/books/*"). */
    public PolicyBuilder allow(String verb, String path) {
        return allow(new Route(verb, path));
    }

    public PolicyBuilder allow(Route route) {
        allowed.add(resource(route));
        return this;
    }

    /** An explicit Deny wins over any Allow, in IAM as in {@link AuthorizerResponse#permits}. */
    public PolicyBuilder deny(String verb, String path) {
        return deny(new Route(verb, path));
    }

    public PolicyBuilder deny(Route route) {
        denied.add(resource(route));
        return this;
    }

    /** Allows every route of the request's API stage. */
    public PolicyBuilder allowAllRoutes() {
        allowed.add(methodArn.everyRoute());
        return this;
    }

    /** Denies every route of the request's API stage. */
    public PolicyBuilder denyAllRoutes() {
        denied.add(methodArn.everyRoute());
        return this;
    }

    public PolicyBuilder context(String key, String value) {
        return putContext(key, value);
    }

    public PolicyBuilder context(String key, Number value) {
        return putContext(key, value);
    }

    public PolicyBuilder context(String key, boolean value) {
        return putContext(key, value);
    }

    /** The API key API Gateway meters when the API's key source is AUTHORIZER. */
    public PolicyBuilder usageIdentifierKey(String usageIdentifierKey) {
        this.usageIdentifierKey = usageIdentifierKey;
        return this;
    }

    /**
     * @throws IllegalStateException when no principal id was given
     */
    public AuthorizerResponse build() {
        if (principalId == null || principalId.isEmpty()) {
            throw new IllegalStateException("a principal id is required");
        }
        List<String> deny = new ArrayList<>(denied);
        if (allowed.isEmpty() && deny.isEmpty()) {
            // API Gateway rejects a policy without statements; say "nothing" explicitly.
            deny.add(methodArn.everyRoute());
        }
        return new AuthorizerResponse(principalId, allowed, deny, context, usageIdentifierKey);
    }

    private PolicyBuilder putContext(String key, Object value) {
        if (key == null || key.isEmpty() || value == null) {
            throw new IllegalArgumentException("context entries need a key and a value");
        }
        context.put(key, value);
        return this;
    }

    private String resource(Route route) {
        String resource = methodArn.resource(route.verb(), route.path());
        if (resource.length() > MethodArn.MAX_RESOURCE_LENGTH) {
            throw new IllegalArgumentException("resource ARN longer than " + MethodArn.MAX_RESOURCE_LENGTH
                    + " characters for " + route);
        }
        return resource;
    }
}
