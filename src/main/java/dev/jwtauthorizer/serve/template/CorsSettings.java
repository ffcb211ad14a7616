package dev.jwtauthorizer.serve.template;

import dev.jwtauthorizer.serve.model.Cors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An API's CORS settings. A REST API's {@code Cors} values are header values in single quotes
 * ({@code "'*'"}), which API Gateway strips; an HTTP API's {@code CorsConfiguration} holds plain
 * lists. Without AllowMethods, SAM allows the methods of the API's routes plus OPTIONS.
 */
final class CorsSettings {
    private static final List<String> EVERY_METHOD = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");

    private final TemplateValues values;

    CorsSettings(TemplateValues values) {
        this.values = values;
    }

    /** {@code Cors} of an AWS::Serverless::Api: a quoted origin, or a mapping; null when absent. */
    Cors rest(String api, Object cors, List<String> routeMethods) {
        if (cors == null) {
            return null;
        }
        String where = api + " Cors";
        if (!(cors instanceof Map<?, ?>) || isIntrinsic(cors)) {
            return new Cors(unquote(values.requiredString(cors, where), where), List.of(), methods(routeMethods), null);
        }
        Map<String, Object> settings = Maps.of(cors, where);
        String origin = unquote(values.requiredString(settings.get("AllowOrigin"), where + ".AllowOrigin"), where);
        String headers = values.string(settings.get("AllowHeaders"), where + ".AllowHeaders");
        String allowed = values.string(settings.get("AllowMethods"), where + ".AllowMethods");
        String maxAge = values.string(settings.get("MaxAge"), where + ".MaxAge");
        return new Cors(origin,
                headers == null ? List.of() : split(unquote(headers, where)),
                allowed == null ? methods(routeMethods) : split(unquote(allowed, where)),
                maxAge == null ? null : values.integer(unquote(maxAge, where), 0, 0, Integer.MAX_VALUE, where + ".MaxAge"));
    }

    /** {@code CorsConfiguration} of an AWS::Serverless::HttpApi: true, or a mapping; null when absent or false. */
    Cors http(String api, Object cors) {
        if (cors == null) {
            return null;
        }
        String where = api + " CorsConfiguration";
        if (!(cors instanceof Map<?, ?>) || isIntrinsic(cors)) {
            return values.bool(cors, false, where) ? new Cors("*", List.of(), List.of(), null) : null;
        }
        Map<String, Object> settings = Maps.of(cors, where);
        List<String> origins = values.strings(settings.get("AllowOrigins"), where + ".AllowOrigins");
        if (origins.size() != 1) {
            throw new IllegalArgumentException(where + ".AllowOrigins: serve supports exactly one origin, found " + origins);
        }
        Object maxAge = settings.get("MaxAge");
        return new Cors(origins.get(0),
                values.strings(settings.get("AllowHeaders"), where + ".AllowHeaders"),
                values.strings(settings.get("AllowMethods"), where + ".AllowMethods"),
                maxAge == null ? null : values.integer(maxAge, 0, 0, 86400, where + ".MaxAge"));
    }

    /** A REST header value: 'x' is the literal x; anything else would be a mapping expression. */
    static String unquote(String value, String where) {
        String trimmed = value.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("'") && trimmed.endsWith("'")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        throw new IllegalArgumentException(where + ": a value must be a quoted string such as \"'*'\", found " + value
                + " (serve does not evaluate mapping expressions)");
    }

    private static List<String> methods(List<String> routeMethods) {
        Set<String> methods = new LinkedHashSet<>();
        for (String method : routeMethods) {
            if (method.equals("ANY")) {
                return EVERY_METHOD;
            }
            methods.add(method);
        }
        methods.add("OPTIONS");
        return new ArrayList<>(methods);
    }

    private static List<String> split(String commaSeparated) {
        List<String> items = new ArrayList<>();
        for (String item : commaSeparated.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1
                && map.keySet().iterator().next() instanceof String key && (key.equals("Ref") || key.startsWith("Fn::"));
    }
}
