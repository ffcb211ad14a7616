package dev.jwtauthorizer.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as CloudFormation would create it for given parameter values: resources whose
 * Condition is false are gone, {@code Fn::If} picks its branch, {@code AWS::NoValue} removes what
 * holds it, a {@code Ref} to a parameter or pseudo parameter becomes its value and {@code Fn::Sub}
 * fills in those. References to resources and their attributes stay as they are.
 *
 * <p>Tests then state what a user gets for a choice of parameters (alarms off, a topic given,
 * tracing passed through) rather than how the template spells it.
 */
public final class ResolvedTemplate {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9:]+)}");
    /** The pseudo parameters a test may meet, with sample values. */
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Region", "eu-west-1",
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::StackName", "jwt-authorizer",
            "AWS::URLSuffix", "amazonaws.com");

    private final JsonNode template;
    private final Map<String, String> values = new HashMap<>(PSEUDO);

    private ResolvedTemplate(JsonNode template, Map<String, String> parameters) {
        this.template = template;
        template.path("Parameters").fields().forEachRemaining(p -> values.put(p.getKey(), p.getValue().path("Default").asText()));
        for (Map.Entry<String, String> given : parameters.entrySet()) {
            if (!template.path("Parameters").has(given.getKey())) {
                throw new IllegalArgumentException("template.yaml has no parameter " + given.getKey());
            }
            values.put(given.getKey(), given.getValue());
        }
    }

    public static ResolvedTemplate of(Path file, Map<String, String> parameters) throws IOException {
        return new ResolvedTemplate(CloudFormationYaml.read(file), parameters);
    }

    public static String region() {
        return PSEUDO.get("AWS::Region");
    }

    /** The resource's properties, resolved; empty when its Condition leaves it out of the stack. */
    public Optional<JsonNode> properties(String logicalId) {
        JsonNode resource = template.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        if (resource.has("Condition") && !condition(resource.path("Condition").asText())) {
            return Optional.empty();
        }
        return Optional.of(resolve(resource.path("Properties")));
    }

    /** Logical ids of the resources of this type that the stack would hold. */
    public Map<String, JsonNode> resourcesOfType(String type) {
        Map<String, JsonNode> found = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals(type)) {
                properties(resource.getKey()).ifPresent(p -> found.put(resource.getKey(), p));
            }
        }
        return found;
    }

    public boolean condition(String name) {
        JsonNode definition = template.path("Conditions").path(name);
        if (definition.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(definition);
    }

    private boolean truth(JsonNode node) {
        if (node.has("Fn::Equals")) {
            return resolve(node.path("Fn::Equals").path(0)).asText().equals(resolve(node.path("Fn::Equals").path(1)).asText());
        }
        if (node.has("Fn::Not")) {
            return !truth(node.path("Fn::Not").path(0));
        }
        if (node.has("Fn::Or")) {
            for (JsonNode operand : node.path("Fn::Or")) {
                if (truth(operand)) {
                    return true;
                }
            }
            return false;
        }
        if (node.has("Condition")) {
            return condition(node.path("Condition").asText());
        }
        throw new IllegalArgumentException("not a condition this resolver knows: " + node);
    }

    /** The node with intrinsics resolved; null when it resolves to AWS::NoValue. */
    private JsonNode resolve(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> {
                JsonNode value = resolve(item);
                if (value != null) {
                    array.add(value);
                }
            });
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1 && node.has("Ref")) {
            String name = node.path("Ref").asText();
            if (name.equals("AWS::NoValue")) {
                return null;
            }
            return values.containsKey(name) ? NODES.textNode(values.get(name)) : node;
        }
        if (node.size() == 1 && node.has("Fn::If")) {
            JsonNode branches = node.path("Fn::If");
            return resolve(condition(branches.path(0).asText()) ? branches.path(1) : branches.path(2));
        }
        if (node.size() == 1 && node.has("Fn::Sub") && node.path("Fn::Sub").isTextual()) {
            Matcher placeholders = PLACEHOLDER.matcher(node.path("Fn::Sub").asText());
            return NODES.textNode(placeholders.replaceAll(m -> Matcher.quoteReplacement(
                    values.getOrDefault(m.group(1), m.group()))));
        }
        ObjectNode object = NODES.objectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = resolve(field.getValue());
            if (value != null) {
                object.set(field.getKey(), value);
            }
        });
        return object;
    }
}
