package dev.jwtauthorizer.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The rules that map claims to routes, read once from configuration. */
public final class RouteRules {
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
     * granting nothing (or more).
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static RouteRules parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of rules like "
                    + "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\"]}]");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                rules.add(parseRule(root.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new RouteRules(rules);
    }

    private static Rule parseRule(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!RULE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field \"" + name + "\" (fields: claim, value, allow)");
            }
        }
        String claim = optionalText(node, "claim");
        String value = optionalText(node, "value");
        if ((claim == null) != (value == null)) {
            throw new IllegalArgumentException("\"claim\" and \"value\" go together: give both or neither");
        }
        JsonNode allow = node.get("allow");
        if (allow == null || !allow.isArray() || allow.isEmpty()) {
            throw new IllegalArgumentException("\"allow\" must be a non-empty array of \"VERB /path\" strings");
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode route : allow) {
            if (!route.isTextual()) {
                throw new IllegalArgumentException("\"allow\" entries must be strings like \"GET /books\"");
            }
            routes.add(Route.parse(route.asText()));
        }
        return new Rule(claim, value, routes);
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
        }
        return value.asText();
    }
}
