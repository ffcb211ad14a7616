package dev.jwtauthorizer.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads cookies the way RFC 6265 section 5.4 sends them: {@code name=value} pairs separated by
 * {@code ;} and optional whitespace (spaces and tabs only: a control character is kept, so that the
 * token check refuses it rather than a trim repairing it); a value may be wrapped in double quotes.
 * Names are compared exactly. Every value of the name is returned: a browser sends a name twice when two paths or
 * domains set it, and which one is meant cannot be known.
 */
final class CookieHeader {
    private CookieHeader() {
    }

    /** Every value of the cookie {@code name} in one Cookie header value (or one 2.0 cookies entry). */
    static List<String> values(String header, String name) {
        List<String> values = new ArrayList<>(1);
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            String pair = trimOptionalWhitespace(header.substring(start, end));
            int equals = pair.indexOf('=');
            if (equals > 0 && trimOptionalWhitespace(pair.substring(0, equals)).equals(name)) {
                values.add(unquoted(trimOptionalWhitespace(pair.substring(equals + 1))));
            }
            start = end + 1;
        }
        return values;
    }

    /** Without leading and trailing spaces and tabs: HTTP's optional whitespace (RFC 9110 section 5.6.3). */
    static String trimOptionalWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isOptionalWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isOptionalWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isOptionalWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
