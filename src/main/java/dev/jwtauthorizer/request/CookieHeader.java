package dev.jwtauthorizer.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads cookies the way RFC 6265 section 5.4 sends them: {@code name=value} pairs separated by
 * {@code ;} and optional whitespace; a value may be wrapped in double quotes. Names are compared
 * exactly. Every value of the name is returned: a browser sends a name twice when two paths or
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
            String pair = header.substring(start, end).strip();
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                values.add(unquoted(pair.substring(equals + 1).strip()));
            }
            start = end + 1;
        }
        return values;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
