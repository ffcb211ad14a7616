package dev.jwtauthorizer.rules;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.List;

/**
 * Grants routes to tokens whose claim holds a value: {@code {"claim":"scope","value":"books:read",
 * "allow":["GET /books"]}}. Without a claim, the rule grants its routes to every verified token.
 *
 * <p>A value no token could ever hold is refused here, so that such a rule stops the start instead
 * of quietly granting nothing.
 */
public record Rule(ClaimPath claim, String value, List<Route> routes) {
    public Rule {
        routes = List.copyOf(routes);
        if (claim != null && value != null) {
            refuseUnmatchable(claim, value);
        }
    }

    public boolean appliesTo(VerifiedToken token) {
        return claim == null || token.values(claim).contains(value);
    }

    private static void refuseUnmatchable(ClaimPath claim, String value) {
        // scope and scp are split on spaces, so no single word of them can contain one.
        if (claim.isSpaceSeparated() && value.codePoints().anyMatch(Rule::isWhitespace)) {
            throw new IllegalArgumentException("\"" + claim + "\" values are single words; split \"" + value
                    + "\" into one rule per word");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("\"value\" must not be empty");
        }
        if (isWhitespace(value.codePointAt(0)) || isWhitespace(value.codePointBefore(value.length()))) {
            String trimmed = value.strip();
            throw new IllegalArgumentException("\"value\" \"" + value + "\" starts or ends with whitespace"
                    + (trimmed.isEmpty() ? "" : "; write \"" + trimmed + "\""));
        }
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
