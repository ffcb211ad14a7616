package dev.jwtauthorizer.serve.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A REST API's {@code GatewayResponses} headers by the status serve answers with. API Gateway uses a
 * response type's own settings when it has them, else DEFAULT_4XX or DEFAULT_5XX: a 401 is
 * UNAUTHORIZED, a 403 from the authorizer ACCESS_DENIED, a 500 from a failing authorizer
 * AUTHORIZER_CONFIGURATION_ERROR. Header values are quoted literals ("'Bearer'"), unquoted here.
 * A response type's StatusCode is not read: serve answers with API Gateway's usual statuses.
 */
final class GatewayResponses {
    private final TemplateValues values;

    GatewayResponses(TemplateValues values) {
        this.values = values;
    }

    Map<Integer, Map<String, String>> read(String api, Object gatewayResponses) {
        Map<String, Map<String, String>> byType = new HashMap<>();
        for (Map.Entry<String, Object> entry : Maps.entries(gatewayResponses, api + " GatewayResponses")) {
            String where = api + " GatewayResponses." + entry.getKey();
            Map<String, Object> parameters = Maps.of(Maps.of(entry.getValue(), where).get("ResponseParameters"), where);
            Map<String, String> headers = new LinkedHashMap<>();
            for (Map.Entry<String, Object> header : Maps.entries(parameters.get("Headers"), where + ".ResponseParameters.Headers")) {
                String headerWhere = where + " header " + header.getKey();
                headers.put(header.getKey(), CorsSettings.unquote(values.requiredString(header.getValue(), headerWhere), headerWhere));
            }
            byType.put(entry.getKey(), headers);
        }
        Map<Integer, Map<String, String>> byStatus = new HashMap<>();
        put(byStatus, 401, byType, "UNAUTHORIZED", "DEFAULT_4XX");
        put(byStatus, 403, byType, "ACCESS_DENIED", "DEFAULT_4XX");
        put(byStatus, 500, byType, "AUTHORIZER_CONFIGURATION_ERROR", "DEFAULT_5XX");
        return byStatus;
    }

    private static void put(Map<Integer, Map<String, String>> byStatus, int status, Map<String, Map<String, String>> byType,
                            String type, String fallback) {
        Map<String, String> headers = byType.containsKey(type) ? byType.get(type) : byType.get(fallback);
        if (headers != null && !headers.isEmpty()) {
            byStatus.put(status, Map.copyOf(headers));
        }
    }
}
