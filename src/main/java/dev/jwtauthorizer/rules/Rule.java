package dev.jwtauthorizer.rules;

import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.List;

/**
 * Grants routes to tokens whose claim holds a value: {@code {"claim":"scope","value":"books:read",
 * "allow":["GET /books"]}}. Without a claim, the rule grants its routes to every verified token.
 */
public record Rule(String claim, String value, List<Route> routes) {
    public Rule {
        routes = List.copyOf(routes);
    }

    public boolean appliesTo(VerifiedToken token) {
        return claim == null || token.values(claim).contains(value);
    }
}
