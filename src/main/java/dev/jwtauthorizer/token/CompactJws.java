package dev.jwtauthorizer.token;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact JWS whose shape has been checked ({@link BearerToken}): three non-empty, canonical
 * base64url segments. It keeps the bytes of the whole value it came in (one byte a character,
 * a {@code Bearer } scheme included) with the token's place in them, so that decoding, the
 * signature check and the log's digest all read that one array instead of copying the token again.
 */
public final class CompactJws {
    /** Each ASCII character's base64url value, or -1: one load per character on the request path. */
    private static final byte[] BASE64URL_VALUES = base64UrlValues();

    private final byte[] text;
    private final int start;
    private final int firstDot;
    private final int secondDot;

    private CompactJws(byte[] text, int start, int firstDot, int secondDot) {
        this.text = text;
        this.start = start;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
    }

    /**
     * A bare compact JWS (no scheme), for callers that did not come through {@link BearerToken}.
     *
     * @throws TokenRejectedException MALFORMED_TOKEN when it is not three non-empty, canonical
     *                                base64url segments
     */
    public static CompactJws of(String token) {
        // A character above U+00FF becomes '?', one from U+0080 a negative byte: both refused.
        CompactJws compact = read(token.getBytes(StandardCharsets.ISO_8859_1), 0);
        if (compact == null) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
        return compact;
    }

    /** {@code text[start..]} as a compact JWS, or null when it is not one. */
    static CompactJws read(byte[] text, int start) {
        int firstDot = -1;
        int dots = 0;
        int segmentStart = start;
        for (int i = start; i < text.length; i++) {
            byte b = text[i];
            if (b == '.') {
                if (i == segmentStart || ++dots > 2 || !isCanonicalEnd(text, segmentStart, i)) {
                    return null;
                }
                firstDot = dots == 1 ? i : firstDot;
                segmentStart = i + 1;
            } else if (b < 0 || BASE64URL_VALUES[b] < 0) {
                return null;
            }
        }
        if (dots != 2 || text.length == segmentStart || !isCanonicalEnd(text, segmentStart, text.length)) {
            return null;
        }
        return new CompactJws(text, start, firstDot, segmentStart - 1);
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

    /**
     * The bytes of the value as sent, all ASCII: its UTF-8 bytes too. Shared, not copied: only
     * read it.
     */
    public byte[] text() {
        return text;
    }

    /** Where the token begins in {@link #text()}: after the scheme, if there was one. */
    public int start() {
        return start;
    }

    /** The index in {@link #text()} of the dot after the header. */
    public int firstDot() {
        return firstDot;
    }

    /** The index in {@link #text()} of the dot before the signature: the end of the signing input. */
    public int secondDot() {
        return secondDot;
    }

    /** The token without its scheme. */
    @Override
    public String toString() {
        return new String(text, start, text.length - start, StandardCharsets.ISO_8859_1);
    }
}
