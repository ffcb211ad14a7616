package dev.jwtauthorizer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * SAM CLI's {@code --env-vars} file: {@code {"Parameters": {...}}} for every function and
 * {@code {"FunctionLogicalId": {...}}} for one; a function's own section wins over Parameters.
 */
final class EnvVarsFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EnvVarsFile() {
    }

    /**
     * @param function the logical id whose section applies; null picks the only function section
     */
    static Map<String, String> read(Path file, String function) throws UsageException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UsageException("cannot read --env-vars " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UsageException("--env-vars " + file + " is not a JSON object");
        }
        List<String> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!section.getValue().isObject()) {
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
        if (chosen != null && !root.has(chosen)) {
            throw new UsageException("--env-vars " + file + " has no section \"" + chosen + "\"");
        }
        Map<String, String> variables = new HashMap<>();
        copy(root.get("Parameters"), variables);
        if (chosen != null) {
            copy(root.get(chosen), variables);
        }
        return variables;
    }

    private static void copy(JsonNode section, Map<String, String> into) {
        if (section == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            into.put(variable.getKey(), variable.getValue().isValueNode() ? variable.getValue().asText() : variable.getValue().toString());
        }
    }
}
