package dev.jwtauthorizer.policy;

/** IAM's resource matching: {@code *} is any run of characters (slashes too), {@code ?} is one. */
public final class IamPattern {
    private IamPattern() {
    }

    public static boolean matches(String pattern, String text) {
        // A pattern is mostly the request's own ARN prefix and a wildcard or two: its literal run
        // is compared in one call, and the character loop below starts where the run ends.
        int literal = literalPrefixLength(pattern);
        if (!text.regionMatches(0, pattern, 0, literal)) {
            return false;
        }
        int p = literal;
        int t = literal;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static int literalPrefixLength(String pattern) {
        int star = pattern.indexOf('*');
        int question = pattern.indexOf('?');
        int end = pattern.length();
        if (star >= 0) {
            end = star;
        }
        if (question >= 0 && question < end) {
            end = question;
        }
        return end;
    }
}
