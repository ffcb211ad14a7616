package dev.jwtauthorizer.token;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;

/**
 * Takes the compact JWT out of the Authorization header value: {@code Bearer <jwt>} (scheme in any
 * case, one space) or a bare JWT. Strict on purpose: any other shape, including extra whitespace,
 * a second token or another scheme, is rejected rather than repaired.
 */
public final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /**
     * @param maxLength checked on the raw value before anything else looks at it
     * @return the compact JWS: three base64url segments, the last one non-empty
     */
    public static String extract(String headerValue, int maxLength) {
        if (headerValue == null || headerValue.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_TOKEN);
        }
        if (headerValue.length() > maxLength) {
            throw new TokenRejectedException(Reason.TOKEN_TOO_LARGE);
        }
        String token = headerValue.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? headerValue.substring(SCHEME.length())
                : headerValue;
        if (!isCompactJws(token)) {
            throw new TokenRejectedException(token.isEmpty() ? Reason.MISSING_TOKEN : Reason.MALFORMED_TOKEN);
        }
        return token;
    }

    private static boolean isCompactJws(String token) {
        int dots = 0;
        int segmentLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (segmentLength == 0 || ++dots > 2) {
                    return false;
                }
                segmentLength = 0;
            } else if (isBase64Url(c)) {
                segmentLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && segmentLength > 0;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
