package dev.jwtauthorizer.verify;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A compact JWS read once, strictly: its header members, its claims and its three segments. Nothing
 * here is trusted until {@link IssuerVerifier} has checked the signature.
 *
 * <p>It is a {@link DecodedJWT} only so that java-jwt's {@code Algorithm.verify} can check the
 * signature, which reads the segments and the kid; java-jwt's own decoder (a second base64 decode
 * and an ObjectMapper tree per segment) is not used, and its claim getters are not offered.
 */
final class DecodedToken implements DecodedJWT {
    private final String compact;
    private final String headerSegment;
    private final String payloadSegment;
    private final String signatureSegment;
    private final Map<String, Object> header;
    private final Map<String, Object> claims;
    private final List<String> audience;
    private final Instant expiresAt;
    private final Instant notBefore;
    private final Instant issuedAt;

    private DecodedToken(String compact, int firstDot, int secondDot, Map<String, Object> header, Map<String, Object> claims) {
        this.compact = compact;
        this.headerSegment = compact.substring(0, firstDot);
        this.payloadSegment = compact.substring(firstDot + 1, secondDot);
        this.signatureSegment = compact.substring(secondDot + 1);
        this.header = header;
        this.claims = claims;
        Object aud = claims.get("aud");
        this.audience = aud instanceof String text ? List.of(text) : aud == null ? null : ((List<?>) aud).stream().map(String.class::cast).toList();
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
        return new DecodedToken(compactJws, firstDot, secondDot, header, claims);
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

    @Override
    public String getAlgorithm() {
        return (String) header.get("alg");
    }

    @Override
    public String getKeyId() {
        return (String) header.get("kid");
    }

    @Override
    public String getType() {
        return (String) header.get("typ");
    }

    @Override
    public String getContentType() {
        return (String) header.get("cty");
    }

    @Override
    public String getIssuer() {
        return (String) claims.get("iss");
    }

    @Override
    public String getSubject() {
        return (String) claims.get("sub");
    }

    @Override
    public String getId() {
        return (String) claims.get("jti");
    }

    @Override
    public List<String> getAudience() {
        return audience;
    }

    @Override
    public Instant getExpiresAtAsInstant() {
        return expiresAt;
    }

    @Override
    public Instant getNotBeforeAsInstant() {
        return notBefore;
    }

    @Override
    public Instant getIssuedAtAsInstant() {
        return issuedAt;
    }

    @Override
    public Date getExpiresAt() {
        return expiresAt == null ? null : Date.from(expiresAt);
    }

    @Override
    public Date getNotBefore() {
        return notBefore == null ? null : Date.from(notBefore);
    }

    @Override
    public Date getIssuedAt() {
        return issuedAt == null ? null : Date.from(issuedAt);
    }

    @Override
    public String getToken() {
        return compact;
    }

    @Override
    public String getHeader() {
        return headerSegment;
    }

    @Override
    public String getPayload() {
        return payloadSegment;
    }

    @Override
    public String getSignature() {
        return signatureSegment;
    }

    /** Not offered: claims are read from {@link #claims()}, in the strict reading. */
    @Override
    public Claim getClaim(String name) {
        throw new UnsupportedOperationException("read claims() instead");
    }

    /** Not offered: claims are read from {@link #claims()}, in the strict reading. */
    @Override
    public Map<String, Claim> getClaims() {
        throw new UnsupportedOperationException("read claims() instead");
    }

    /** Not offered: header members are read with {@link #headerMember(String)}. */
    @Override
    public Claim getHeaderClaim(String name) {
        throw new UnsupportedOperationException("read headerMember() instead");
    }
}
