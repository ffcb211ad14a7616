package dev.jwtauthorizer.cli;

import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SAM CLI's {@code --env-vars} file: {@code {"Parameters": {...}}} for every function and
 * {@code {"FunctionLogicalId": {...}}} for one; a function's own section wins over Parameters.
 */
final class EnvVarsFile {

    private EnvVarsFile() {
    }

    /**
     * @param function the logical id whose section applies; null picks the only function section
     */
    static Map<String, String> read(Path file, String function) throws UsageException {
        Object json;
        try {
            json = Json.read(Files.readAllBytes(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read --env-vars " + file + ": " + e.getMessage());
        }
        Map<String, Object> root = Json.asObject(json);
        if (root == null) {
            throw new UsageException("--env-vars " + file + " is not a JSON object");
        }
        List<String> functions = new ArrayList<>();
        for (Map.Entry<String, Object> section : root.entrySet()) {
            if (!(section.getValue() instanceof Map<?, ?>)) {
                throw new UsageException("--env-vars " + file + ": \"" + section.getKey()
                        + "\" is not a section; expected {\"Parameters\": {...}} or {\"FunctionLogicalId\": {...}}");
            }
            if (!section.getKey().equals("Parameters")) {
                functions.add(section.getKey());
            }
        }
        String chosen = function;
        if (chosen == null && functions.size() > 1) {
            throw new UsageException("--env-vars " + file + " has sections for " + functions + "; choose one with --function");
        }
        if (chosen == null && functions.size() == 1) {
            chosen = functions.get(0);
        }
        if (chosen != null && !root.containsKey(chosen)) {
            throw new UsageException("--env-vars " + file + " has no section \"" + chosen + "\"");
        }
        Map<String, String> variables = new HashMap<>();
        copy(Json.asObject(root.get("Parameters")), variables);
        if (chosen != null) {
            copy(Json.asObject(root.get(chosen)), variables);
        }
        return variables;
    }

    private static void copy(Map<String, Object> section, Map<String, String> into) {
        if (section == null) {
            return;
        }
        for (Map.Entry<String, Object> variable : section.entrySet()) {
            Object value = variable.getValue();
            into.put(variable.getKey(), value instanceof Map<?, ?> || value instanceof List<?> ? Json.write(value) : String.valueOf(value));
        }
    }
}
