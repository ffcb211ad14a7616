package dev.jwtauthorizer.serve.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** CloudFormation's short tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}...) turned into their long form. */
final class ShortTags {
    /** The short tags whose long form is "Fn::" + the name; !Ref, !Condition and !GetAtt are special. */
    private static final Set<String> FN_TAGS = Set.of("Sub", "If", "Equals", "Not", "And", "Or", "Join", "Select",
            "Split", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "ToJsonString", "Length");

    private ShortTags() {
    }

    /** CloudFormation's long form of a short tag's value. */
    static Object longForm(String tag, Object value, int lineNumber) {
        String name = tag.substring(1);
        if (name.equals("Ref") || name.equals("Condition")) {
            return Map.of(name, value == null ? "" : value);
        }
        if (name.equals("GetAtt")) {
            if (value instanceof String s) {
                int dot = s.indexOf('.');
                if (dot <= 0 || dot == s.length() - 1) {
                    throw Yaml.error(lineNumber, "!GetAtt needs Resource.Attribute: " + s);
                }
                return Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
            }
            return Map.of("Fn::GetAtt", value == null ? List.of() : value);
        }
        if (FN_TAGS.contains(name)) {
            return Map.of("Fn::" + name, value == null ? "" : value);
        }
        throw Yaml.error(lineNumber, "unsupported tag " + tag);
    }

}
