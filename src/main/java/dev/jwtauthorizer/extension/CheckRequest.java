package dev.jwtauthorizer.extension;

import dev.jwtauthorizer.policy.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link AuthorizationCheck} is told about one request: who the credential names, what it
 * carries, where the request goes and which routes the credential was granted. Read-only.
 *
 * <p>Tests of a check build one with {@link #builder()}:
 *
 * <pre>{@code
 * CheckRequest request = CheckRequest.builder()
 *         .principalId("alice")
 *         .claim("tenant", "acme")
 *         .method("GET").path("/tenants/acme/orders")
 *         .build();
 * }</pre>
 */
public final class CheckRequest {
    /** The API kinds {@link #api()} names. */
    private static final Set<String> APIS = Set.of("REST_TOKEN", "REST_REQUEST", "HTTP_API_V1", "HTTP_API_V2", "WEBSOCKET");
    /**
     * What {@link #routes()} holds when the credential may call every route of the stage (no
     * rules): every verb and path, and the WebSocket connection.
     */
    public static final List<String> EVERY_ROUTE = List.of("* /*", "$connect");

    private final CredentialKind credential;
    private final String principalId;
    private final Map<String, Object> claims;
    private final String apiKeyId;
    private final String api;
    private final String method;
    private final String path;
    private final String methodArn;
    private final Map<String, List<String>> headers;
    private final Map<String, List<String>> query;
    private final List<String> routes;

    private CheckRequest(Builder builder, String method, String path, String methodArn) {
        this.credential = builder.credential;
        this.principalId = builder.principalId;
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(builder.claims));
        this.apiKeyId = builder.apiKeyId;
        this.api = builder.api;
        this.method = method;
        this.path = path;
        this.methodArn = methodArn;
        this.headers = readOnly(builder.headers);
        this.query = readOnly(builder.query);
        this.routes = builder.routes;
    }

    private static Map<String, List<String>> readOnly(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A header name in lower case, ASCII letters only, as the authorizer keeps them: a full Unicode
     * lower-casing would let another name pass for this one ("Coo\u212Aie", a Kelvin sign for the k,
     * would become "cookie").
     */
    private static String headerKey(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /** A builder for tests of a check; the authorizer builds its requests with it too. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the request proved itself with a JWT or an API key. */
    public CredentialKind credential() {
        return credential;
    }

    /** The principal the answer names: the JWT's principal claim, or the API key entry's principal. */
    public String principalId() {
        return principalId;
    }

    /**
     * Every claim of the verified JWT, read-only all the way down: values are maps, lists,
     * strings, numbers, booleans or null. Empty for an API key.
     */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The id of the API key's entry in the key list (never the key); null for a JWT. */
    public String apiKeyId() {
        return apiKeyId;
    }

    /** The kind of API: REST_TOKEN, REST_REQUEST, HTTP_API_V1, HTTP_API_V2 or WEBSOCKET. */
    public String api() {
        return api;
    }

    /** The HTTP verb, as in the methodArn ({@code GET}); null for WebSocket. */
    public String method() {
        return method;
    }

    /** The request's path as in the methodArn ({@code /tenants/acme/orders}); for WebSocket the route key ({@code $connect}). */
    public String path() {
        return path;
    }

    /** The methodArn, or an HTTP API payload 2.0 event's routeArn. */
    public String methodArn() {
        return methodArn;
    }

    /**
     * A header's value, the name in any case; several values of one name joined with commas, as HTTP
     * API payload 2.0 sends them. Null when absent, and always for REST_TOKEN (a TOKEN event carries
     * no headers).
     */
    public String header(String name) {
        List<String> values = headers.get(headerKey(name));
        return values == null ? null : String.join(",", values);
    }

    /** A query string parameter's value, the name as sent; several values joined with commas. Null when absent. */
    public String queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null ? null : String.join(",", values);
    }

    /**
     * The routes the credential was granted, {@code "VERB /path"} as in rules (ANY written {@code *})
     * or WebSocket route keys: from the rules that matched a JWT, or the API key's entry. When
     * every route of the stage is granted: {@link #EVERY_ROUTE}.
     */
    public List<String> routes() {
        return routes;
    }

    @Override
    public String toString() {
        // No header or query values: they may hold credentials.
        return "CheckRequest[" + credential + " " + principalId + (apiKeyId == null ? "" : " key " + apiKeyId)
                + ", " + api + " " + (method == null ? "" : method + " ") + path + ", routes " + routes + "]";
    }

    /**
     * Builds a {@link CheckRequest}. Defaults: a JWT without claims, on a REST REQUEST API,
     * {@code GET /}, a methodArn made from the verb and path, every route granted.
     */
    public static final class Builder {
        private CredentialKind credential = CredentialKind.JWT;
        private String principalId;
        private Map<String, Object> claims = new LinkedHashMap<>();
        private String apiKeyId;
        private String api = "REST_REQUEST";
        private String method;
        private String path;
        private String methodArn;
        private Map<String, List<String>> headers = new LinkedHashMap<>();
        private Map<String, List<String>> query = new LinkedHashMap<>();
        private List<String> routes = EVERY_ROUTE;

        private Builder() {
        }

        public Builder credential(CredentialKind credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        public Builder principalId(String principalId) {
            this.principalId = principalId;
            return this;
        }

        /** Every claim, replacing those given before. */
        public Builder claims(Map<String, ?> claims) {
            this.claims = new LinkedHashMap<>(claims);
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(Objects.requireNonNull(name, "claim name"), value);
            return this;
        }

        /** The API key entry's id; makes the credential an API key. */
        public Builder apiKeyId(String apiKeyId) {
            this.apiKeyId = apiKeyId;
            this.credential = apiKeyId == null ? credential : CredentialKind.API_KEY;
            return this;
        }

        /** REST_TOKEN, REST_REQUEST, HTTP_API_V1, HTTP_API_V2 or WEBSOCKET. */
        public Builder api(String api) {
            if (!APIS.contains(api)) {
                throw new IllegalArgumentException("api \"" + api + "\" is not one of " + APIS);
            }
            this.api = api;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Made from the verb and path when not given. */
        public Builder methodArn(String methodArn) {
            this.methodArn = methodArn;
            return this;
        }

        /** Adds a value of a header (the name in any case). */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(headerKey(name), n -> new ArrayList<>(1)).add(Objects.requireNonNull(value));
            return this;
        }

        /** Adds a value of a query string parameter. */
        public Builder queryParameter(String name, String value) {
            query.computeIfAbsent(Objects.requireNonNull(name), n -> new ArrayList<>(1)).add(Objects.requireNonNull(value));
            return this;
        }

        /** The routes granted, as in rules; {@link #EVERY_ROUTE} when not given. */
        public Builder routes(Collection<String> routes) {
            List<String> parsed = new ArrayList<>();
            for (String route : routes) {
                parsed.add(Route.parse(route).toString());
            }
            this.routes = List.copyOf(parsed);
            return this;
        }

        /**
         * @throws IllegalStateException when the principal is missing, an API key has claims or no
         *                               id, or a TOKEN event was given headers or query parameters
         */
        public CheckRequest build() {
            if (principalId == null || principalId.isEmpty()) {
                throw new IllegalStateException("a principalId is required");
            }
            if (credential == CredentialKind.API_KEY && (apiKeyId == null || !claims.isEmpty())) {
                throw new IllegalStateException("an API key has an apiKeyId and no claims");
            }
            if (credential == CredentialKind.JWT && apiKeyId != null) {
                throw new IllegalStateException("a JWT has no apiKeyId");
            }
            if (api.equals("REST_TOKEN") && !(headers.isEmpty() && query.isEmpty())) {
                throw new IllegalStateException("a REST_TOKEN event carries no headers or query parameters");
            }
            boolean webSocket = api.equals("WEBSOCKET");
            String requestPath = path != null ? path : webSocket ? "$connect" : "/";
            String requestMethod = method != null || webSocket ? method : "GET";
            String arn = methodArn != null ? methodArn : "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/test/"
                    + (webSocket ? requestPath : requestMethod + requestPath);
            return new CheckRequest(this, requestMethod, requestPath, arn);
        }
    }
}
