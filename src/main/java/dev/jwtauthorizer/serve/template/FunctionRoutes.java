package dev.jwtauthorizer.serve.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routes that AWS::Serverless::Function events add to APIs: {@code Type: Api} events to the REST
 * API named by {@code RestApiId} (else SAM's implicit ServerlessRestApi), {@code Type: HttpApi}
 * events to the HTTP API named by {@code ApiId} (else ServerlessHttpApi). An HttpApi event without
 * Path and Method is the API's {@code $default} route, given as method ANY and path {@code $default}.
 */
final class FunctionRoutes {
    static final String IMPLICIT_REST_API = "ServerlessRestApi";
    static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /**
     * One event's route. {@code authorizer} is the event's own Auth.Authorizer ("NONE" for none) and
     * null when the event leaves it to the API's DefaultAuthorizer.
     */
    record Route(String api, boolean rest, String method, String path, String authorizer, String where) {
    }

    private FunctionRoutes() {
    }

    static List<Route> read(Map<String, Object> resources, TemplateValues values) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            Map<String, Object> definition = Maps.of(resource.getValue(), resource.getKey());
            if (!"AWS::Serverless::Function".equals(definition.get("Type"))) {
                continue;
            }
            Map<String, Object> properties = Maps.of(definition.get("Properties"), resource.getKey() + " Properties");
            for (Map.Entry<String, Object> event : Maps.entries(properties.get("Events"), resource.getKey() + " Events")) {
                String where = resource.getKey() + " event " + event.getKey();
                Map<String, Object> body = Maps.of(event.getValue(), where);
                Object type = body.get("Type");
                if ("Api".equals(type) || "HttpApi".equals(type)) {
                    routes.add(route("Api".equals(type), Maps.of(body.get("Properties"), where + " Properties"), values, where));
                }
            }
        }
        return routes;
    }

    private static Route route(boolean rest, Map<String, Object> properties, TemplateValues values, String where) {
        String api = apiName(properties.get(rest ? "RestApiId" : "ApiId"), where);
        String path = values.string(properties.get("Path"), where + " Path");
        String method = values.string(properties.get("Method"), where + " Method");
        if (rest && (path == null || method == null)) {
            throw new IllegalArgumentException(where + ": an Api event needs Path and Method");
        }
        if (!rest && path == null && method == null) {
            path = "$default";
            method = "ANY";
        } else if (path == null || method == null) {
            throw new IllegalArgumentException(where + ": give both Path and Method, or neither for the $default route");
        }
        Map<String, Object> auth = Maps.of(properties.get("Auth"), where + " Auth");
        String authorizer = values.string(auth.get("Authorizer"), where + " Auth.Authorizer");
        return new Route(api == null ? (rest ? IMPLICIT_REST_API : IMPLICIT_HTTP_API) : api, rest,
                method.toUpperCase(Locale.ROOT), path, authorizer, where);
    }

    /** The logical id an event's RestApiId or ApiId refers to (a !Ref, or the id itself); null for the implicit API. */
    private static String apiName(Object reference, String where) {
        if (reference == null) {
            return null;
        }
        if (reference instanceof String id) {
            return id;
        }
        if (reference instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String id) {
            return id;
        }
        throw new IllegalArgumentException(where + ": RestApiId or ApiId must be !Ref to an API in the template");
    }
}
