package dev.jwtauthorizer.policy;

import java.util.Set;

/**
 * An HTTP verb and a path pattern, written {@code "GET /books/*"}, or a WebSocket route key,
 * written without a space: {@code "$connect"}. {@code *} in a path is IAM's wildcard: any run of
 * characters, slashes included, so {@code /books/*} also covers {@code /books/1/reviews}. The verb
 * {@code *} (or {@code ANY}, as HTTP APIs write it) stands for every verb.
 *
 * @param verb null for a WebSocket route key, which is then the path
 */
public record Route(String verb, String path) {
    public static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*");
    /** A WebSocket API's route keys: $connect, $disconnect, $default, or a custom key such as sendMessage. */
    private static final int MAX_ROUTE_KEY_LENGTH = 128;
    /** Keeps every resource ARN built from a route under IAM's 512 characters. */
    public static final int MAX_PATH_LENGTH = 256;

    public Route {
        if (verb == null) {
            refuseInvalidRouteKey(path);
        } else {
            verb = verb.equals("ANY") ? "*" : verb;
            refuseInvalidVerbOrPath(verb, path);
        }
    }

    /** A WebSocket route key such as {@code $connect}. */
    public static Route webSocket(String routeKey) {
        return new Route(null, routeKey);
    }

    /** Parses {@code "VERB /path"}, or a WebSocket route key (no space). */
    public static Route parse(String text) {
        if (text.indexOf(' ') < 0 && !text.isEmpty() && text.indexOf('/') < 0 && !VERBS.contains(text) && !text.equals("ANY")) {
            return webSocket(text);
        }
        int space = text.indexOf(' ');
        if (space <= 0 || space != text.lastIndexOf(' ')) {
            throw new IllegalArgumentException("route \"" + text + "\" is not of the form \"VERB /path\"");
        }
        return new Route(text.substring(0, space), text.substring(space + 1));
    }

    public boolean isWebSocket() {
        return verb == null;
    }

    @Override
    public String toString() {
        return verb == null ? path : verb + " " + path;
    }

    private static void refuseInvalidVerbOrPath(String verb, String path) {
        if (!VERBS.contains(verb)) {
            throw new IllegalArgumentException("unknown HTTP verb \"" + verb + "\" (use one of ANY, "
                    + String.join(", ", VERBS.stream().sorted().toList()) + ")");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path \"" + path + "\" must start with /");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("path longer than " + MAX_PATH_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == '?' || c == 0x7f) {
                throw new IllegalArgumentException("path \"" + path + "\" contains whitespace, a control character or '?'");
            }
            if (c == '{' || c == '}') {
                // API Gateway's route syntax, which no request path holds: such a route would never match.
                throw new IllegalArgumentException("path \"" + path + "\" is a route template; routes match the "
                        + "requested path, so write * for a path parameter (GET /books/* for GET /books/{id})");
            }
        }
    }

    private static void refuseInvalidRouteKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_ROUTE_KEY_LENGTH) {
            throw new IllegalArgumentException("a WebSocket route key has 1-" + MAX_ROUTE_KEY_LENGTH + " characters");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            // '*' would widen the resource to every route of the stage, HTTP routes included.
            if (c <= ' ' || c >= 0x7f || c == '*' || c == '?' || c == '/') {
                throw new IllegalArgumentException("route \"" + key + "\" is neither \"VERB /path\" nor a WebSocket "
                        + "route key like \"$connect\" (no spaces, '/', '*' or '?')");
            }
        }
    }
}
