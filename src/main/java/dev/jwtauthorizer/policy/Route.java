package dev.jwtauthorizer.policy;

import java.util.Set;

/**
 * An HTTP verb and a path pattern, written {@code "GET /books/*"}. {@code *} is IAM's wildcard: any
 * run of characters, slashes included, so {@code /books/*} also covers {@code /books/1/reviews}.
 * The verb {@code *} stands for every verb.
 */
public record Route(String verb, String path) {
    public static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*");
    /** Keeps every resource ARN built from a route under IAM's 512 characters. */
    public static final int MAX_PATH_LENGTH = 256;

    public Route {
        if (!VERBS.contains(verb)) {
            throw new IllegalArgumentException("unknown HTTP verb \"" + verb + "\" (use one of " + String.join(", ", VERBS.stream().sorted().toList()) + ")");
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
        }
    }

    /** Parses {@code "VERB /path"}. */
    public static Route parse(String text) {
        int space = text.indexOf(' ');
        if (space <= 0 || space != text.lastIndexOf(' ')) {
            throw new IllegalArgumentException("route \"" + text + "\" is not of the form \"VERB /path\"");
        }
        return new Route(text.substring(0, space), text.substring(space + 1));
    }

    @Override
    public String toString() {
        return verb + " " + path;
    }
}
