package dev.jwtauthorizer.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a CloudFormation template as SAM and CloudFormation see it: a short-form intrinsic
 * ({@code !Sub 'x'}, {@code !Ref X}, {@code !GetAtt A.B}, {@code !If [...]}) becomes its long form
 * ({@code {"Fn::Sub": "x"}}, {@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...).
 * A plain YAML reader drops the tags, so {@code !Ref X.Alias} and {@code !Sub '${X.Alias}'} would
 * look alike, and which one a template uses is what decides whether SAM CLI can read it.
 */
public final class CloudFormationYaml {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    public static JsonNode read(Path file) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            parser.nextToken();
            return value(parser);
        }
    }

    /** The value at the parser's current token, with the token's tag (if any) turned into an intrinsic. */
    private static JsonNode value(YAMLParser parser) throws IOException {
        // Jackson exposes a YAML tag as the type id, without its leading "!".
        String tag = parser.getTypeId();
        JsonNode plain = untagged(parser);
        return tag == null ? plain : intrinsic(tag, plain);
    }

    private static JsonNode untagged(YAMLParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                object.set(name, value(parser));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(parser));
            }
            return array;
        }
        return switch (token) {
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            default -> NODES.textNode(parser.getText());
        };
    }

    private static JsonNode intrinsic(String tag, JsonNode value) {
        String name = switch (tag) {
            case "Ref", "Condition" -> tag;
            default -> "Fn::" + tag;
        };
        JsonNode argument = value;
        if (tag.equals("GetAtt") && value.isTextual()) {
            // !GetAtt Logical.Attribute is the one short form whose argument changes shape.
            String text = value.asText();
            int dot = text.indexOf('.');
            argument = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        }
        return NODES.objectNode().set(name, argument);
    }
}
