package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request to one of an API's routes as API Gateway does: the stage first in the path (a
 * REST API's always, an HTTP API's unless it is {@code $default}); then the most specific path
 * template, segment by segment (a literal beats {@code {id}}, which is one segment and beats the
 * greedy {@code {proxy+}}); then the exact method before ANY; an HTTP API's {@code $default} route
 * takes what nothing else matched.
 */
final class RouteTable {
    private static final String DEFAULT_ROUTE = "$default";
    private static final int LITERAL = 3;
    private static final int PARAMETER = 2;
    private static final int GREEDY = 1;

    private final List<RouteSpec> routes;
    private final String stagePrefix;

    RouteTable(ApiSpec api) {
        this.routes = api.routes();
        this.stagePrefix = stagePrefix(api);
    }

    /** {@code /prod} for a REST API on stage prod; empty for an HTTP API on {@code $default}. */
    static String stagePrefix(ApiSpec api) {
        return api.type() == ApiType.HTTP && DEFAULT_ROUTE.equals(api.stage()) ? "" : "/" + api.stage();
    }

    static String routeKey(RouteSpec route) {
        return isDefaultRoute(route) ? DEFAULT_ROUTE : route.method() + " " + route.path();
    }

    /** @return the match, or null when no route (or not the stage) fits */
    RouteMatch match(String method, String fullPath) {
        String path;
        if (stagePrefix.isEmpty()) {
            path = fullPath;
        } else if (fullPath.equals(stagePrefix) || fullPath.startsWith(stagePrefix + "/")) {
            path = fullPath.substring(stagePrefix.length());
        } else {
            return null;
        }
        path = path.isEmpty() ? "/" : path;
        List<String> segments = segments(path);
        RouteSpec best = null;
        int[] bestRank = null;
        RouteSpec fallback = null;
        for (RouteSpec route : routes) {
            if (isDefaultRoute(route)) {
                fallback = route;
                continue;
            }
            if (!route.method().equalsIgnoreCase(method) && !route.method().equalsIgnoreCase("ANY")) {
                continue;
            }
            int[] rank = rank(segments(route.path()), segments);
            if (rank == null) {
                continue;
            }
            // The exact method counts after the path: GET /books/{id} beats ANY /books/{id}.
            rank = Arrays.copyOf(rank, rank.length + 1);
            rank[rank.length - 1] = route.method().equalsIgnoreCase("ANY") ? 0 : 1;
            if (best == null || Arrays.compare(rank, bestRank) > 0) {
                best = route;
                bestRank = rank;
            }
        }
        RouteSpec chosen = best != null ? best : fallback;
        if (chosen == null) {
            return null;
        }
        return new RouteMatch(chosen, routeKey(chosen), path,
                best != null ? parameters(segments(chosen.path()), segments) : Map.of());
    }

    private static boolean isDefaultRoute(RouteSpec route) {
        return DEFAULT_ROUTE.equals(route.path()) || DEFAULT_ROUTE.equals(route.method());
    }

    /** Per template segment how specific it is, or null when the template does not match. */
    private static int[] rank(List<String> template, List<String> path) {
        int[] rank = new int[template.size()];
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (isGreedy(part)) {
                // {proxy+} takes one segment or more, and only at the end.
                if (i != template.size() - 1 || path.size() <= i) {
                    return null;
                }
                rank[i] = GREEDY;
                return rank;
            }
            if (i >= path.size()) {
                return null;
            }
            if (isParameter(part)) {
                rank[i] = PARAMETER;
            } else if (part.equals(path.get(i))) {
                rank[i] = LITERAL;
            } else {
                return null;
            }
        }
        return template.size() == path.size() ? rank : null;
    }

    private static Map<String, String> parameters(List<String> template, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (isGreedy(part)) {
                parameters.put(part.substring(1, part.length() - 2), String.join("/", path.subList(i, path.size())));
            } else if (isParameter(part)) {
                parameters.put(part.substring(1, part.length() - 1), path.get(i));
            }
        }
        return parameters;
    }

    private static boolean isGreedy(String part) {
        return part.startsWith("{") && part.endsWith("+}");
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}") && !isGreedy(part);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
