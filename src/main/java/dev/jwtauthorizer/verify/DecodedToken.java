package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS read once, strictly: its header members, its claims and its three segments. Nothing
 * here is trusted until {@link IssuerVerifier} has checked the signature.
 *
 * <p>The token's characters, which {@code BearerToken} has limited to base64url and dots, are taken
 * as bytes once: the signature is checked on them ({@link #signingInput()}) and each segment is
 * decoded from them in place, where a substring and its bytes would copy every segment twice more.
 */
final class DecodedToken {
    /** The token, one byte a character; shared with the signature check, which only reads it. */
    private final byte[] compact;
    private final int secondDot;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final List<String> audience;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;

    private DecodedToken(byte[] compact, int secondDot, Map<String, Object> header, Map<String, Object> claims) {
        this.compact = compact;
        this.secondDot = secondDot;
        this.header = header;
        this.claims = claims;
        this.audience = audience(claims.get("aud"));
        this.expiresAt = numericDate(claims, "exp");
        this.notBefore = numericDate(claims, "nbf");
        this.issuedAt = numericDate(claims, "iat");
    }

    /**
     * @param compactJws three non-empty base64url segments, as {@code BearerToken} guarantees
     * @throws TokenRejectedException MALFORMED_TOKEN when the header or payload is not a strict JSON
     *                                object of the right member types
     */
    static DecodedToken decode(String compactJws) {
        int firstDot = compactJws.indexOf('.');
        int secondDot = compactJws.indexOf('.', firstDot + 1);
        // A character above U+00FF becomes '?', which no base64url segment holds: refused below.
        byte[] compact = compactJws.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> header = firstDot < 0 ? null : StrictJson.header(compact, 0, firstDot);
        Map<String, Object> claims = header == null || secondDot < 0 ? null : StrictJson.payload(compact, firstDot + 1, secondDot);
        if (claims == null) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
        return new DecodedToken(compact, secondDot, header, claims);
    }

    /**
     * The base64url text {@code text[from, to)} decoded, read where it is.
     *
     * @throws IllegalArgumentException when it is not base64url
     */
    static byte[] base64url(byte[] text, int from, int to) {
        ByteBuffer decoded = Base64.getUrlDecoder().decode(ByteBuffer.wrap(text, from, to - from));
        byte[] bytes = decoded.array();
        // The JDK's decoder sizes its array exactly; the copy is for a decoder that would not.
        int start = decoded.arrayOffset() + decoded.position();
        return decoded.remaining() == bytes.length ? bytes : Arrays.copyOfRange(bytes, start, start + decoded.remaining());
    }

    /** StrictJson has checked that aud is a string or a list of strings. */
    @SuppressWarnings("unchecked")
    private static List<String> audience(Object aud) {
        if (aud == null) {
            return null;
        }
        return aud instanceof String text ? List.of(text) : Collections.unmodifiableList((List<String>) aud);
    }

    /**
     * RFC 7519 section 2 NumericDate: seconds since the epoch, possibly with a fraction, which is
     * dropped. A date that is not a number or is out of range makes the token malformed.
     */
    private static Instant numericDate(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Integer || value instanceof Long) {
                return Instant.ofEpochSecond(((Number) value).longValue());
            }
            if (value instanceof Double seconds && seconds >= Long.MIN_VALUE && seconds <= Long.MAX_VALUE) {
                return Instant.ofEpochSecond(seconds.longValue());
            }
        } catch (DateTimeException e) {
            // beyond Instant's range: malformed, below
        }
        // A string, an object, or a BigInteger (beyond any long).
        throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
    }

    /** The header member, or null when absent or JSON null. */
    Object headerMember(String name) {
        return header.get(name);
    }

    boolean hasHeaderMember(String name) {
        return header.containsKey(name);
    }

    /** Every claim of the payload: values are maps, lists, strings, numbers, booleans or null. */
    Map<String, Object> claims() {
        return claims;
    }

    /**
     * The token's bytes, of which the first {@link #signingInputLength()} were signed (RFC 7515
     * section 5.2): this token's own array, not a copy, so it must only be read.
     */
    byte[] signingInput() {
        return compact;
    }

    /** The length of the signed part: header, dot, payload. */
    int signingInputLength() {
        return secondDot;
    }

    /**
     * The signature segment, base64url-decoded.
     *
     * @throws TokenRejectedException MALFORMED_TOKEN when it is not base64url (a caller of
     *                                {@link TokenVerifier} that skipped {@code BearerToken}'s check)
     */
    byte[] signature() {
        try {
            return base64url(compact, secondDot + 1, compact.length);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
    }

    String getAlgorithm() {
        return (String) header.get("alg");
    }

    String getKeyId() {
        return (String) header.get("kid");
    }

    String getType() {
        return (String) header.get("typ");
    }

    String getIssuer() {
        return (String) claims.get("iss");
    }

    List<String> getAudience() {
        return audience;
    }

    Instant getExpiresAtAsInstant() {
        return expiresAt;
    }

    Instant getNotBeforeAsInstant() {
        return notBefore;
    }

    Instant getIssuedAtAsInstant() {
        return issuedAt;
    }
}
