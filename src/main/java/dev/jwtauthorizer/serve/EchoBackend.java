package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The backend used without {@code --upstream}: answers 200 with the method, the path, the route and
 * what the authorizer passed on, as the example backend of the template does. Like that backend it
 * sets the REST API's allowed origin itself; an HTTP API adds its own CORS headers.
 */
final class EchoBackend implements Backend {
    private final ApiSpec api;

    EchoBackend(ApiSpec api) {
        this.api = api;
    }

    @Override
    public GatewayResponse call(GatewayRequest request, RouteMatch match, Map<String, Object> authorizer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", request.method());
        body.put("path", match.path());
        body.put("route", match.routeKey());
        body.put("authorizer", authorizer);
        GatewayResponse response = GatewayResponse.json(200, Json.write(body));
        if (api.type() == ApiType.REST && api.cors() != null) {
            response = response.withHeaderIfAbsent("Access-Control-Allow-Origin",
                    GatewayResponses.unquote(api.cors().allowOrigin()));
        }
        return response;
    }
}
