package dev.jwtauthorizer.serve.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a template's settings take when deployed with the given parameters: {@code !Ref} to a
 * parameter is its override, else its Default; the pseudo parameters have the values of a stack in
 * us-east-1 of account 123456789012; {@code !Sub} substitutes both. Anything that only exists once
 * deployed (a resource's id or attribute, another intrinsic) is an error naming the setting, because
 * serve cannot know it and guessing would emulate a different API.
 */
final class TemplateValues {
    private static final Map<String, String> PSEUDO = Map.of(
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", "local",
            "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/local/local");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, String> overrides;

    TemplateValues(Map<String, Object> parameters, Map<String, String> overrides) {
        this.parameters = parameters;
        this.overrides = overrides;
        for (String name : overrides.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter override " + name + ": the template has no such parameter");
            }
        }
    }

    /** The string a setting takes; null when it is absent (or !Ref AWS::NoValue). */
    String string(Object value, String where) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> intrinsic = map.entrySet().iterator().next();
            if (intrinsic.getKey().equals("Ref") && intrinsic.getValue() instanceof String name) {
                return name.equals("AWS::NoValue") ? null : variable(name, where);
            }
            if (intrinsic.getKey().equals("Fn::Sub")) {
                return sub(intrinsic.getValue(), where);
            }
            throw new IllegalArgumentException(where + ": " + intrinsic.getKey()
                    + " is not supported here (serve resolves !Ref to parameters and !Sub only)");
        }
        throw new IllegalArgumentException(where + ": expected a string, found " + describe(value));
    }

    /** A setting that must be present. */
    String requiredString(Object value, String where) {
        String text = string(value, where);
        if (text == null) {
            throw new IllegalArgumentException(where + " is required");
        }
        return text;
    }

    /** A whole number between min and max; {@code fallback} when absent. */
    int integer(Object value, int fallback, int min, int max, String where) {
        String text = string(value, where);
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text.strip());
            if (number < min || number > max) {
                throw new IllegalArgumentException(where + ": " + number + " is outside " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected a whole number, found '" + text + "'");
        }
    }

    boolean bool(Object value, boolean fallback, String where) {
        String text = string(value, where);
        if (text == null) {
            return fallback;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(where + ": expected true or false, found '" + text + "'");
        };
    }

    /** A list of strings; an absent list is empty. */
    List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list, found " + describe(value));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = string(list.get(i), where + "[" + i + "]");
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private String sub(Object argument, String where) {
        if (!(argument instanceof String template)) {
            // The two-argument form names its own variables; templates for serve use the one-string form.
            throw new IllegalArgumentException(where + ": only !Sub with a single string is supported");
        }
        Matcher matcher = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = name.startsWith("!") ? "${" + name.substring(1) + "}" : variable(name.strip(), where);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String variable(String name, String where) {
        if (PSEUDO.containsKey(name)) {
            return PSEUDO.get(name);
        }
        if (overrides.containsKey(name)) {
            return overrides.get(name);
        }
        if (parameters.get(name) instanceof Map<?, ?> parameter) {
            if (!parameter.containsKey("Default")) {
                throw new IllegalArgumentException(where + ": parameter " + name
                        + " has no Default; give it a value with a parameter override");
            }
            Object fallback = parameter.get("Default");
            return fallback == null ? "" : string(fallback, "parameter " + name);
        }
        throw new IllegalArgumentException(where + ": " + name
                + " is not a parameter; serve cannot know the value of a resource or attribute before deployment");
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            Set<?> keys = map.keySet();
            return "a mapping " + keys;
        }
        return value instanceof List ? "a list" : "'" + value + "'";
    }
}
