package dev.jwtauthorizer.token;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.charset.StandardCharsets;

/**
 * Takes the compact JWT out of the Authorization header value: {@code Bearer <jwt>} (scheme in any
 * case, one space) or a bare JWT. Strict on purpose: any other shape, including extra whitespace,
 * a second token or another scheme, is rejected rather than repaired.
 */
public final class BearerToken {
    private static final byte[] SCHEME = "bearer ".getBytes(StandardCharsets.US_ASCII);

    private BearerToken() {
    }

    /**
     * @param maxLength checked on the raw value before anything else looks at it
     * @return the compact JWS: three non-empty, canonical base64url segments
     */
    public static CompactJws extract(String headerValue, int maxLength) {
        if (headerValue == null || headerValue.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_TOKEN);
        }
        if (headerValue.length() > maxLength) {
            throw new TokenRejectedException(Reason.TOKEN_TOO_LARGE);
        }
        // Taken as bytes once: one vectorised copy, then loops without String's per-character
        // checks. A character above U+00FF becomes '?', one from U+0080 a negative byte: neither
        // passes, so a value that does is ASCII, and these bytes are its UTF-8 bytes too.
        byte[] text = headerValue.getBytes(StandardCharsets.ISO_8859_1);
        int start = hasScheme(text) ? SCHEME.length : 0;
        CompactJws token = CompactJws.read(text, start);
        if (token == null) {
            throw new TokenRejectedException(text.length == start ? Reason.MISSING_TOKEN : Reason.MALFORMED_TOKEN);
        }
        return token;
    }

    /** {@code Bearer } with its letters in any case: ASCII only, as RFC 9110 section 11.1 has it. */
    private static boolean hasScheme(byte[] text) {
        if (text.length < SCHEME.length) {
            return false;
        }
        for (int i = 0; i < SCHEME.length; i++) {
            byte b = text[i];
            if ((b >= 'A' && b <= 'Z' ? b | 0x20 : b) != SCHEME[i]) {
                return false;
            }
        }
        return true;
    }
}
