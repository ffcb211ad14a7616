package dev.jwtauthorizer.config;

import dev.jwtauthorizer.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One entry of JWT_ISSUERS (or its file), read like the variables: arrays are lists, objects are JSON text. */
final class EntryFields implements IssuerFields {
    private final Setting source;
    private final int number;
    private final Map<String, Object> node;

    private EntryFields(Setting source, int number, Map<String, Object> node) {
        this.source = source;
        this.number = number;
        this.node = node;
    }

    /** @param number the entry's place in the array, from 1 */
    static EntryFields of(Setting source, int number, Object element) {
        Map<String, Object> node = Json.asObject(element);
        if (node == null) {
            throw new ConfigException(source, "entry " + number + " is not a JSON object");
        }
        Set<String> known = new LinkedHashSet<>();
        for (Setting setting : Setting.values()) {
            if (setting.issuerField() != null) {
                known.add(setting.issuerField());
            }
        }
        for (String name : node.keySet()) {
            if (!known.contains(name)) {
                throw new ConfigException(source, "entry " + number + " has an unknown field \"" + name + "\" (fields: "
                        + String.join(", ", known) + ")");
            }
        }
        EntryFields entry = new EntryFields(source, number, node);
        if (source == Setting.JWT_ISSUERS_FILE && node.containsKey(Setting.JWT_HMAC_SECRET.issuerField())) {
            // The file is packaged with the code and read by anyone who can read the package.
            throw entry.error(Setting.JWT_HMAC_SECRET, "is refused: a secret has no place in a packaged file; "
                    + "use " + entry.name(Setting.JWT_HMAC_SECRET_ID) + " (a Secrets Manager secret), or JWT_ISSUERS");
        }
        return entry;
    }

    /**
     * A field left out takes its default. One that is there but null or blank is refused: unlike a
     * variable, which SAM passes blank when unset, a JSON field has no reason to be written empty,
     * and reading it as unset could widen access ({@code "rules": null} would grant every route).
     */
    @Override
    public String get(Setting setting) {
        if (setting.issuerField() == null || !node.containsKey(setting.issuerField())) {
            return setting.defaultValue();
        }
        Object value = node.get(setting.issuerField());
        if (value == null || value instanceof String blank && blank.isBlank()) {
            throw error(setting, "is null or blank; give it a value, or leave the field out for its default");
        }
        if (value instanceof String text) {
            return text.trim();
        }
        if (value instanceof List<?> list && setting != Setting.JWT_RULES) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String text) || text.contains(",")) {
                    throw error(setting, "must be an array of strings without commas");
                }
                items.add(text);
            }
            return String.join(",", items);
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return Json.write(value);
        }
        throw error(setting, "must be a string or an array of strings");
    }

    @Override
    public String secret() {
        Object value = node.get(Setting.JWT_HMAC_SECRET.issuerField());
        if (value != null && !(value instanceof String)) {
            throw error(Setting.JWT_HMAC_SECRET, "must be a string (base64: for binary)");
        }
        String text = (String) value;
        return text == null || text.isEmpty() ? null : text;
    }

    @Override
    public String name(Setting setting) {
        return "\"" + setting.issuerField() + "\"";
    }

    @Override
    public String assignment(Setting setting, String value) {
        return "\"" + setting.issuerField() + "\": \"" + value + "\"";
    }

    @Override
    public String origin(Setting setting) {
        return source.name() + " entry " + number + " " + setting.issuerField();
    }

    @Override
    public ConfigException error(Setting setting, String problem) {
        return new ConfigException(source, "entry " + number + ", \"" + setting.issuerField() + "\" " + problem);
    }
}
