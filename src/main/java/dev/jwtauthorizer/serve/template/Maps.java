package dev.jwtauthorizer.serve.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading a template's mappings and lists, with an error naming the setting when one is something else. */
final class Maps {
    private Maps() {
    }

    /** The mapping, or an empty one when the setting is absent. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + ": expected a mapping, found " + TemplateValues.describe(value));
    }

    static Set<Map.Entry<String, Object>> entries(Object value, String where) {
        return of(value, where).entrySet();
    }

    static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(where + ": expected a list, found " + TemplateValues.describe(value));
    }
}
