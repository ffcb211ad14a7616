package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What {@code serve} says on standard error once it listens, and the warnings it owes the user. */
public final class ServeBanner {
    private ServeBanner() {
    }

    /** One line: the URL, the API, its routes and its authorizers' settings. */
    public static String listening(URI url, ApiSpec api) {
        List<String> routes = new ArrayList<>();
        for (RouteSpec route : api.routes()) {
            routes.add(RouteTable.routeKey(route) + (route.authorizer() == null ? " (no authorizer)" : " -> " + route.authorizer()));
        }
        List<String> authorizers = new ArrayList<>();
        new TreeMap<>(api.authorizers()).forEach((name, spec) -> authorizers.add(describe(name, spec)));
        return "jwt-authorizer serve: listening on " + url + " as " + (api.type() == ApiType.REST ? "REST" : "HTTP")
                + " API " + api.name() + " (stage " + api.stage() + (api.cors() == null ? "" : ", CORS") + "); routes: "
                + String.join(", ", routes) + "; authorizers: " + String.join("; ", authorizers);
    }

    private static String describe(String name, AuthorizerSpec spec) {
        String payload = switch (spec.payload()) {
            case TOKEN -> "TOKEN";
            case REQUEST -> "REQUEST";
            case V1 -> "payload 1.0";
            case V2 -> "payload 2.0, " + (spec.simpleResponses() ? "simple responses" : "IAM policy");
        };
        return name + " (" + payload + ", identity sources " + String.join(" ", IdentitySources.of(spec))
                + (spec.validationExpression() == null ? "" : ", validation expression " + spec.validationExpression())
                + ", " + (spec.ttlSeconds() > 0 ? "cache " + spec.ttlSeconds() + " s" : "no cache") + ")";
    }

    /**
     * A warning when an HTTP API caches simple responses under a key that does not tell apart the
     * requests the rules tell apart: {@code isAuthorized} does not say for which request it was, so
     * an answer for one would be reused on the others. The route key tells routes apart, but one
     * route of several verbs or paths ({@code $default}, {@code ANY}, {@code {proxy+}}) also needs
     * the verb and the path in the key.
     */
    public static Optional<String> cacheWarning(ApiSpec api, Map<String, String> environment) {
        boolean rules = notBlank(environment.get("JWT_RULES")) || notBlank(environment.get("JWT_RULES_FILE"));
        if (api.type() != ApiType.HTTP || !rules) {
            return Optional.empty();
        }
        List<String> unsafe = new ArrayList<>();
        new TreeMap<>(api.authorizers()).forEach((name, spec) -> {
            if (spec.payload() == Payload.V2 && spec.simpleResponses() && spec.ttlSeconds() > 0
                    && !keyTellsRequestsApart(spec.identitySources(), api.routes(), name)) {
                unsafe.add(name);
            }
        });
        if (unsafe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("jwt-authorizer serve: warning: authorizer " + String.join(", ", unsafe)
                + " caches simple responses under a key that does not tell apart the requests the rules grant by claim:"
                + " an answer cached for one request is reused on the others. Add $context.routeKey to the identity"
                + " sources (Identity.Context: [routeKey] in SAM), and $context.httpMethod and $context.path too for a"
                + " route of several verbs or paths ($default, ANY, {proxy+}), or set the TTL to 0");
    }

    private static boolean keyTellsRequestsApart(List<String> sources, List<RouteSpec> routes, String authorizer) {
        boolean verbAndPath = sources.contains("context:httpMethod") && sources.contains("context:path");
        if (verbAndPath) {
            return true;
        }
        if (!sources.contains("context:routeKey")) {
            return false;
        }
        for (RouteSpec route : routes) {
            if (authorizer.equals(route.authorizer()) && coversSeveralRequests(route)) {
                return false;
            }
        }
        return true;
    }

    /**
     * $default, ANY or a greedy path parameter: one route key for requests of different verbs or of
     * any path below it, which rules commonly tell apart. A one-segment parameter ({id}) is what a
     * rule's {@code *} stands for, so it is not counted.
     */
    private static boolean coversSeveralRequests(RouteSpec route) {
        return RouteTable.routeKey(route).equals("$default") || route.method().equalsIgnoreCase("ANY")
                || route.path().contains("+}");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
