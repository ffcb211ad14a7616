package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.policy.IamPattern;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.rules.Rule;
import dev.jwtauthorizer.rules.RouteRules;
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
     * route of several verbs or paths ({@code $default}, {@code ANY}, {@code {proxy+}}, or {@code {id}}
     * when the rules name ids) also needs the verb and the path in the key.
     */
    public static Optional<String> cacheWarning(ApiSpec api, Map<String, String> environment) {
        boolean rules = notBlank(environment.get("JWT_RULES")) || notBlank(environment.get("JWT_RULES_FILE"));
        if (api.type() != ApiType.HTTP || !rules) {
            return Optional.empty();
        }
        List<Route> ruleRoutes = ruleRoutes(environment.get("JWT_RULES"));
        List<String> unsafe = new ArrayList<>();
        new TreeMap<>(api.authorizers()).forEach((name, spec) -> {
            if (spec.payload() == Payload.V2 && spec.simpleResponses() && spec.ttlSeconds() > 0
                    && !keyTellsRequestsApart(spec.identitySources(), api.routes(), name, ruleRoutes)) {
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
                + " route of several verbs or paths ($default, ANY, {proxy+}, or {id} when the rules name ids),"
                + " or set the TTL to 0");
    }

    private static boolean keyTellsRequestsApart(List<String> sources, List<RouteSpec> routes, String authorizer,
                                                 List<Route> ruleRoutes) {
        boolean verbAndPath = sources.contains("context:httpMethod") && sources.contains("context:path");
        if (verbAndPath) {
            return true;
        }
        if (!sources.contains("context:routeKey")) {
            return false;
        }
        for (RouteSpec route : routes) {
            if (authorizer.equals(route.authorizer()) && coversSeveralRequests(route, ruleRoutes)) {
                return false;
            }
        }
        return true;
    }

    /**
     * $default, ANY or a greedy path parameter: one route key for requests of different verbs or of
     * any path below it, which rules commonly tell apart. A one-segment parameter ({id}) counts when
     * a rule names some of its values ({@code GET /books/acme}); a rule's {@code *} grants them all alike.
     *
     * @param ruleRoutes every route the inline rules name; null when they are not known here (a file)
     */
    private static boolean coversSeveralRequests(RouteSpec route, List<Route> ruleRoutes) {
        if (RouteTable.routeKey(route).equals("$default") || route.method().equalsIgnoreCase("ANY")
                || route.path().contains("+}")) {
            return true;
        }
        if (!route.path().contains("{")) {
            return false;
        }
        if (ruleRoutes == null) {
            return true;
        }
        for (Route rule : ruleRoutes) {
            if (!rule.isWebSocket() && (rule.verb().equals("*") || rule.verb().equals(route.method()))
                    && namesSomeValues(rule.path(), route.path())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a rule's path matches a path of the route but not all of them. Each parameter becomes a
     * character no rule can hold, which only a {@code *} of the rule can match: when the rule matches
     * that, it matches every value in its place. The value it may name is its own segment there.
     */
    private static boolean namesSomeValues(String rulePath, String routePath) {
        String[] routeSegments = routePath.split("/", -1);
        String[] ruleSegments = rulePath.split("/", -1);
        StringBuilder anyValue = new StringBuilder();
        StringBuilder ruleValue = new StringBuilder();
        for (int i = 0; i < routeSegments.length; i++) {
            String segment = routeSegments[i];
            boolean parameter = segment.startsWith("{") && segment.endsWith("}");
            String sep = i == 0 ? "" : "/";
            anyValue.append(sep).append(parameter ? "\u0000" : segment);
            ruleValue.append(sep).append(parameter && ruleSegments.length == routeSegments.length ? ruleSegments[i] : segment);
        }
        return IamPattern.matches(rulePath, ruleValue.toString()) && !IamPattern.matches(rulePath, anyValue.toString());
    }

    /** Every route of inline rules; null when there are none inline or they do not parse (start says why). */
    private static List<Route> ruleRoutes(String inline) {
        if (!notBlank(inline)) {
            return null;
        }
        try {
            List<Route> routes = new ArrayList<>();
            for (Rule rule : RouteRules.parse(inline).rules()) {
                routes.addAll(rule.routes());
            }
            return routes;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
