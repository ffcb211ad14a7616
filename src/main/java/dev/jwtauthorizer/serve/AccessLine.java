package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per request: method, path, status, cache (hit, miss or none), principal, millis.
 * The path only: a query string may carry a token, and headers do.
 */
final class AccessLine {
    private AccessLine() {
    }

    static String of(GatewayRequest request, RequestFlow.Outcome outcome, long millis) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "access");
        line.put("method", request.method());
        line.put("path", request.path());
        line.put("status", outcome.response().status());
        line.put("cache", outcome.cache());
        line.put("principal", outcome.principal());
        line.put("millis", millis);
        return Json.write(line);
    }
}
