package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS read once, strictly: its header members, its claims and its three segments. Nothing
 * here is trusted until {@link IssuerVerifier} has checked the signature.
 *
 * <p>The signature is checked on {@link #signingInput()}: the token's own characters, which
 * {@code BearerToken} has limited to base64url, so one byte each.
 */
final class DecodedToken {
    private final String compact;
    private final int secondDot;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final List<String> audience;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;

    private DecodedToken(String compact, int secondDot, Map<String, Object> header, Map<String, Object> claims) {
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
        Map<String, Object> header = StrictJson.header(compactJws.substring(0, firstDot));
        Map<String, Object> claims = header == null ? null : StrictJson.payload(compactJws.substring(firstDot + 1, secondDot));
        if (claims == null) {
            throw new TokenRejectedException(Reason.MALFORMED_TOKEN);
        }
        return new DecodedToken(compactJws, secondDot, header, claims);
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

    /** The token's bytes, of which the first {@link #signingInputLength()} were signed (RFC 7515 section 5.2). */
    byte[] signingInput() {
        return compact.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The length of the signed part: header, dot, payload. */
    int signingInputLength() {
        return secondDot;
    }

    /** The signature segment, base64url-decoded. */
    byte[] signature() {
        return Base64.getUrlDecoder().decode(compact.substring(secondDot + 1));
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
