package dev.jwtauthorizer;

import dev.jwtauthorizer.policy.IamPattern;
import dev.jwtauthorizer.policy.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The routes a custom check keeps of those a credential was granted: for each pair of a route the
 * check names and a route granted, the narrower verb and the narrower path when one covers the
 * other. The result is never wider than what was granted.
 *
 * <p>Why covering is a plain match: a route's path holds no {@code ?}, so its only wildcard is
 * {@code *}, and IAM matching the narrower path as literal text against the wider pattern succeeds
 * only when each {@code *} of the narrower one falls where the wider has a {@code *}; whatever the
 * narrower one matches, the wider one matches too.
 */
final class RouteNarrowing {
    private RouteNarrowing() {
    }

    /**
     * @param granted the routes granted; null for every route of the stage
     * @param kept    the routes the check keeps, {@code "VERB /path"} or WebSocket route keys
     */
    static List<Route> narrow(List<Route> granted, List<String> kept) {
        Set<Route> routes = new LinkedHashSet<>();
        for (String text : kept) {
            Route wanted = Route.parse(text);
            if (granted == null) {
                routes.add(wanted);
                continue;
            }
            for (Route route : granted) {
                Route both = narrower(route, wanted);
                if (both != null) {
                    routes.add(both);
                }
            }
        }
        return new ArrayList<>(routes);
    }

    /** The narrower of two routes when one covers the other (verb and path each); null when neither does. */
    static Route narrower(Route a, Route b) {
        if (a.isWebSocket() || b.isWebSocket()) {
            return a.equals(b) ? a : null;
        }
        String verb = covers(a.verb(), b.verb()) ? b.verb() : covers(b.verb(), a.verb()) ? a.verb() : null;
        String path = IamPattern.matches(a.path(), b.path()) ? b.path()
                : IamPattern.matches(b.path(), a.path()) ? a.path() : null;
        return verb == null || path == null ? null : new Route(verb, path);
    }

    private static boolean covers(String verb, String other) {
        return verb.equals("*") || verb.equals(other);
    }
}
