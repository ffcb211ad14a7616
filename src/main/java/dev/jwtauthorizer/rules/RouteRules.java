package dev.jwtauthorizer.rules;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.ArrayList;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules that map claims to routes, read once from configuration. */
public final class RouteRules {
    private static final Set<String> RULE_FIELDS = Set.of("claim", "value", "allow");

    private final List<Rule> rules;

    public RouteRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every route the token's claims grant, in rule order, without repeats. */
    public List<Route> routesFor(VerifiedToken token) {
        Set<Route> routes = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.appliesTo(token)) {
                routes.addAll(rule.routes());
            }
        }
        return List.copyOf(routes);
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Parses a JSON array of rules. Strict, so that a typo fails the start instead of silently
     * granting nothing (or more): a claim is a name or pointer that means one claim only
     * ({@link ClaimPath}), and a value no token could hold (a space inside a scope) is refused.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static RouteRules parse(String json) {
        Object root;
        try {
            root = Json.read(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a JSON array of rules like "
                    + "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\"]}]");
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("is an empty array, which grants no route to any token; give rules, "
                    + "or leave it unset to let a valid token call every route");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                rules.add(parseRule(Json.asObject(entries.get(i))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new RouteRules(rules);
    }

    private static Rule parseRule(Map<String, Object> node) {
        if (node == null) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (String name : node.keySet()) {
            if (!RULE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" (fields: claim, value, allow)");
            }
        }
        String claimName = optionalText(node, "claim");
        String value = optionalText(node, "value");
        if ((claimName == null) != (value == null)) {
            throw new IllegalArgumentException("\"claim\" and \"value\" go together: give both or neither");
        }
        ClaimPath claim = claimName == null ? null : ClaimPath.parse(claimName);
        if (!(node.get("allow") instanceof List<?> allow) || allow.isEmpty()) {
            throw new IllegalArgumentException("\"allow\" must be a non-empty array of \"VERB /path\" strings");
        }
        List<Route> routes = new ArrayList<>();
        for (Object route : allow) {
            if (!(route instanceof String text)) {
                throw new IllegalArgumentException("\"allow\" entries must be strings like \"GET /books\"");
            }
            routes.add(Route.parse(text));
        }
        return new Rule(claim, value, routes);
    }

    private static String optionalText(Map<String, Object> node, String field) {
        if (!node.containsKey(field)) {
            return null;
        }
        if (!(node.get(field) instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
        }
        return text;
    }
}
