package dev.jwtauthorizer.request;

/**
 * The one credential a request carries, as sent, and where from.
 *
 * @param value  the value as the request carried it (a header's {@code Bearer } scheme included)
 * @param source where it came from; null for a TOKEN event's identity value
 */
public record Credential(Kind kind, String value, TokenSource source) {
    public enum Kind {
        JWT("jwt"),
        API_KEY("api_key");

        private final String logName;

        Kind(String logName) {
            this.logName = logName;
        }

        /** How the decision line names it. */
        public String logName() {
            return logName;
        }
    }

    private static final String SCHEME = "Bearer ";

    /**
     * The API key as presented: a header's value (a TOKEN event's too) without an optional
     * {@code Bearer } scheme, other sources' values as they are.
     */
    public String presented() {
        return source == null || source.kind() == TokenSource.Kind.HEADER ? withoutScheme(value) : value;
    }

    /**
     * The credential itself, whatever source it came from: without a {@code Bearer } scheme. Whoever
     * holds it may send it from any configured source, so it is what a cache key must hold.
     */
    public String bare() {
        return withoutScheme(value);
    }

    /** Without a leading {@code Bearer } in any case. */
    static String withoutScheme(String value) {
        return value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? value.substring(SCHEME.length()) : value;
    }

    /** A JWT's shape: after an optional {@code Bearer }, exactly two dots. How a value in a shared source is told apart. */
    static boolean looksLikeJwt(String value) {
        String token = withoutScheme(value);
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return second > 0 && token.indexOf('.', second + 1) < 0;
    }
}
