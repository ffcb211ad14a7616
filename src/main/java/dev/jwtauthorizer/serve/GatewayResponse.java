package dev.jwtauthorizer.serve;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A response the gateway sends: status, headers (every value) and body. */
record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {
    GatewayResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        headers = copy;
    }

    static GatewayResponse json(int status, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        return new GatewayResponse(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The same response with a header set, unless the response already has it (in any case). */
    GatewayResponse withHeaderIfAbsent(String name, String value) {
        for (String existing : headers.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                return this;
            }
        }
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.put(name, List.of(value));
        return new GatewayResponse(status, more, body);
    }
}
