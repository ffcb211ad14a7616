package dev.jwtauthorizer.token;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Takes the compact JWT out of the Authorization header value: {@code Bearer <jwt>} (scheme in any
 * case, one space) or a bare JWT. Strict on purpose: any other shape, including extra whitespace,
 * a second token or another scheme, is rejected rather than repaired.
 */
public final class BearerToken {
    private static final String SCHEME = "Bearer ";
    /** Each ASCII character's base64url value, or -1: one load per character on the request path. */
    private static final byte[] BASE64URL_VALUES = base64UrlValues();

    private BearerToken() {
    }

    /**
     * @param maxLength checked on the raw value before anything else looks at it
     * @return the compact JWS: three non-empty, canonical base64url segments
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
        // Checked as bytes: one vectorised copy, then a loop without String's per-character checks.
        // A character above U+00FF becomes '?', one from U+0080 a negative byte: both refused below.
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        int dots = 0;
        int segmentStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '.') {
                if (i == segmentStart || ++dots > 2 || !isCanonicalEnd(bytes, segmentStart, i)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (b < 0 || BASE64URL_VALUES[b] < 0) {
                return false;
            }
        }
        return dots == 2 && bytes.length > segmentStart && isCanonicalEnd(bytes, segmentStart, bytes.length);
    }

    /**
     * RFC 4648 section 3.5: the bits a segment's last character carries beyond its bytes must be
     * zero, and no length leaves a lone character. Java's decoder ignores those bits, so without this
     * one token has up to 16 spellings, and API Gateway's per-token cache or a deny-list keyed on the
     * token would see different tokens.
     */
    private static boolean isCanonicalEnd(byte[] token, int start, int end) {
        int unusedBits = switch ((end - start) % 4) {
            case 0 -> 0;
            case 2 -> 4;
            case 3 -> 2;
            default -> -1;
        };
        return unusedBits == 0
                || unusedBits > 0 && (BASE64URL_VALUES[token[end - 1]] & ((1 << unusedBits) - 1)) == 0;
    }

    private static byte[] base64UrlValues() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        byte[] values = new byte[128];
        Arrays.fill(values, (byte) -1);
        for (int i = 0; i < alphabet.length(); i++) {
            values[alphabet.charAt(i)] = (byte) i;
        }
        return values;
    }
}
