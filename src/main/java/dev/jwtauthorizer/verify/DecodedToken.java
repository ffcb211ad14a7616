package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.token.CompactJws;
import java.nio.ByteBuffer;
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
 * <p>The token's bytes are those {@code BearerToken} took once and checked ({@link CompactJws}):
 * the signature is checked on them ({@link #signingInput()}) and each segment is decoded from them
 * in place, where a substring and its bytes would copy every segment twice more.
 */
final class DecodedToken {
    /** The value the token came in, a byte a character; shared with the signature check, which only reads it. */
    private final byte[] text;
    private final int start;
    private final int secondDot;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final List<String> audience;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;

    private DecodedToken(CompactJws token, Map<String, Object> header, Map<String, Object> claims) {
        this.text = token.text();
        this.start = token.start();
        this.secondDot = token.secondDot();
        this.header = header;
        this.claims = claims;
        this.audience = audience(claims.get("aud"));
        this.expiresAt = numericDate(claims, "exp");
        this.notBefore = numericDate(claims, "nbf");
        this.issuedAt = numericDate(claims, "iat");
    }

    /**
     * @throws TokenRejectedException MALFORMED_TOKEN when the header or payload is not a strict JSON
     *                                object of the right member types
     */
    static DecodedToken decode(CompactJws token) {
        byte[] text = token.text();
        Map<String, Object> header = StrictJson.header(text, token.start(), token.firstDot());
        Map<String, Object> claims = header == null ? null : StrictJson.payload(text, token.firstDot() + 1, token.secondDot());
        if (claims == null) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
        return new DecodedToken(token, header, claims);
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
     * The bytes of which {@link #signingInputLength()} from {@link #signingInputOffset()} were signed
     * (RFC 7515 section 5.2): the token's own array, not a copy, so it must only be read.
     */
    byte[] signingInput() {
        return text;
    }

    /** Where the signed part begins: the token's first byte. */
    int signingInputOffset() {
        return start;
    }

    /** The length of the signed part: header, dot, payload. */
    int signingInputLength() {
        return secondDot - start;
    }

    /**
     * The signature segment, base64url-decoded.
     *
     * @throws TokenRejectedException MALFORMED_TOKEN when it is not base64url, which CompactJws's
     *                                check rules out: closed all the same
     */
    byte[] signature() {
        try {
            return base64url(text, secondDot + 1, text.length);
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
