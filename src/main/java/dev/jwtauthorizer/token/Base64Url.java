package dev.jwtauthorizer.token;

import java.util.Arrays;

/**
 * Base64url without padding (RFC 4648 section 5), decoded straight from a token's characters.
 * {@code java.util.Base64} would first copy the segment into a string, then into bytes, then trim
 * its result: three copies per segment and three segments per token on the request path.
 */
public final class Base64Url {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Each ASCII character's value, or -1. */
    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** The character's 6-bit value, or -1 when it is not in the base64url alphabet. */
    public static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }

    /**
     * The bytes of {@code text[start, end)}, which {@link BearerToken} has checked: base64url
     * characters only, a length that leaves no lone character, unused bits zero.
     *
     * @throws IllegalArgumentException for a character outside the alphabet or a lone last character
     */
    public static byte[] decode(String text, int start, int end) {
        int length = end - start;
        if (length % 4 == 1) {
            throw new IllegalArgumentException("a base64url text cannot leave one character over");
        }
        byte[] out = new byte[length / 4 * 3 + Math.max(0, length % 4 - 1)];
        int at = 0;
        int i = start;
        for (; i + 4 <= end; i += 4) {
            int bits = sextet(text, i) << 18 | sextet(text, i + 1) << 12 | sextet(text, i + 2) << 6 | sextet(text, i + 3);
            out[at++] = (byte) (bits >> 16);
            out[at++] = (byte) (bits >> 8);
            out[at++] = (byte) bits;
        }
        if (end - i >= 2) {
            int bits = sextet(text, i) << 18 | sextet(text, i + 1) << 12 | (end - i == 3 ? sextet(text, i + 2) << 6 : 0);
            out[at++] = (byte) (bits >> 16);
            if (end - i == 3) {
                out[at] = (byte) (bits >> 8);
            }
        }
        return out;
    }

    private static int sextet(String text, int i) {
        int value = value(text.charAt(i));
        if (value < 0) {
            throw new IllegalArgumentException("not a base64url character at " + i);
        }
        return value;
    }
}
