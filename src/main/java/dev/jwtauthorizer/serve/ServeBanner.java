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
     * A warning when an HTTP API caches simple responses without the route key among the identity
     * sources while the rules grant different routes to different tokens: {@code isAuthorized}
     * does not say for which route, so an answer for one route would be reused on the others.
     */
    public static Optional<String> cacheWarning(ApiSpec api, Map<String, String> environment) {
        boolean rules = notBlank(environment.get("JWT_RULES")) || notBlank(environment.get("JWT_RULES_FILE"));
        if (api.type() != ApiType.HTTP || !rules) {
            return Optional.empty();
        }
        List<String> unsafe = new ArrayList<>();
        new TreeMap<>(api.authorizers()).forEach((name, spec) -> {
            if (spec.payload() == Payload.V2 && spec.simpleResponses() && spec.ttlSeconds() > 0
                    && !spec.identitySources().contains("context:routeKey")) {
                unsafe.add(name);
            }
        });
        if (unsafe.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("jwt-authorizer serve: warning: authorizer " + String.join(", ", unsafe)
                + " caches simple responses without context:routeKey among its identity sources, and the rules grant"
                + " routes by claim: an answer cached for one route is reused on the others (add $context.routeKey"
                + " to the identity sources, Identity.Context: [routeKey] in SAM, or set the TTL to 0)");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
