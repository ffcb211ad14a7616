package dev.jwtauthorizer.verifier;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.List;
import java.util.Map;

/**
 * A token whose signature, issuer, audience, times and type passed {@link JwtVerifier#verify(String)}:
 * read-only access to its claims. Immutable and safe to share between threads.
 *
 * <p>Claim names are those the function's rules take: the exact name of a top-level claim
 * ({@code sub}, {@code cognito:groups}, {@code https://example.com/roles}) or a JSON Pointer that
 * starts with {@code /} ({@code /realm_access/roles}). A plain name with a dot and neither {@code :}
 * nor {@code /} ({@code realm_access.roles}) is refused with an IllegalArgumentException as ambiguous:
 * write {@code /realm_access/roles} for the nested claim, or {@code /realm_access.roles} for a
 * top-level claim whose name has a dot.
 */
public final class VerifiedJwt {
    private final VerifiedToken token;

    VerifiedJwt(VerifiedToken token) {
        this.token = token;
    }

    /** The {@code iss} claim: one of the issuers the verifier was built with. */
    public String issuer() {
        return (String) token.claims().get("iss");
    }

    /** The {@code sub} claim, or null when the token has none. */
    public String subject() {
        return (String) token.claims().get("sub");
    }

    /**
     * The {@code aud} claim as a list (a single string becomes a list of one); empty when the token
     * has none, as Cognito access tokens, which carry the app client id in {@code client_id}.
     */
    public List<String> audiences() {
        Object aud = token.claims().get("aud");
        if (aud instanceof String one) {
            return List.of(one);
        }
        // The strict reading of the payload lets aud be only a string or an array of strings.
        return aud == null ? List.of() : ((List<?>) aud).stream().map(String.class::cast).toList();
    }

    /** The algorithm that signed the token, as its header names it: {@code RS256}, {@code ES256}, ... */
    public String algorithm() {
        return token.algorithm().name();
    }

    /** The header's {@code kid}, or null when it has none. */
    public String keyId() {
        return token.keyId();
    }

    /**
     * The claim's value as the token has it: a String, a Number (Integer, Long, Double or
     * BigInteger), a Boolean, a read-only {@code List<Object>} or {@code Map<String, Object>}; null
     * when absent or JSON null.
     */
    public Object claim(String name) {
        return ClaimPath.parse(name).resolve(token.claims());
    }

    /**
     * The claim as text when it is a string, number or boolean ({@code 42} reads {@code "42"}); null
     * when absent, or an array or object.
     */
    public String stringClaim(String name) {
        return token.scalar(ClaimPath.parse(name));
    }

    /**
     * Every value of the claim, as strings, the way rules read it: the string, number and boolean
     * elements of an array; the space-separated words of a top-level {@code scope} or {@code scp}
     * string ({@code "read write"} gives {@code [read, write]}); the one value of any other string,
     * number or boolean. Empty when absent or an object.
     */
    public List<String> stringsClaim(String name) {
        return List.copyOf(token.values(ClaimPath.parse(name)));
    }

    /** Every claim of the payload, read-only all the way down; values as {@link #claim(String)} gives them. */
    public Map<String, Object> claims() {
        return token.claims();
    }

    /** Names the issuer, algorithm and key id only: claims can be personal data and stay out of logs. */
    @Override
    public String toString() {
        return "VerifiedJwt[iss=" + issuer() + ", alg=" + algorithm() + ", kid=" + keyId() + "]";
    }
}
