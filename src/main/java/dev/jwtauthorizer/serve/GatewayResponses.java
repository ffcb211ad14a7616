package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.Cors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The responses API Gateway makes itself, with its bodies and headers. A REST API's are its
 * gateway responses: the bodies of the defaults, the {@code x-amzn-ErrorType} header, and the
 * headers the template gives that status (a browser only reads a 401 that carries CORS headers).
 * An HTTP API has no gateway responses; its CORS configuration applies to every response to a
 * request from an allowed origin, and it answers preflight requests itself.
 */
final class GatewayResponses {
    private GatewayResponses() {
    }

    static GatewayResponse unauthorized(ApiSpec api) {
        return rest(api) ? restError(api, 401, "{\"message\":\"Unauthorized\"}", "UnauthorizedException")
                : GatewayResponse.json(401, "{\"message\":\"Unauthorized\"}");
    }

    static GatewayResponse forbidden(ApiSpec api, boolean explicitDeny) {
        return rest(api)
                ? restError(api, 403, "{\"Message\":\"User is not authorized to access this resource"
                        + (explicitDeny ? " with an explicit deny" : "") + "\"}", "AccessDeniedException")
                : GatewayResponse.json(403, "{\"message\":\"Forbidden\"}");
    }

    static GatewayResponse authorizerFailure(ApiSpec api) {
        return rest(api) ? restError(api, 500, "{\"message\":null}", "AuthorizerConfigurationException")
                : GatewayResponse.json(500, "{\"message\":\"Internal Server Error\"}");
    }

    /** No route for the request: REST's famous 403 "Missing Authentication Token", HTTP's 404. */
    static GatewayResponse noRoute(ApiSpec api) {
        return rest(api) ? restError(api, 403, "{\"message\":\"Missing Authentication Token\"}", "MissingAuthenticationTokenException")
                : GatewayResponse.json(404, "{\"message\":\"Not Found\"}");
    }

    /** The backend could not be reached or failed to answer. */
    static GatewayResponse badGateway(ApiSpec api) {
        GatewayResponse response = GatewayResponse.json(502, "{\"message\":\"Internal server error\"}");
        return rest(api) ? withGatewayHeaders(api, response) : response;
    }

    /** The answer to an OPTIONS request on an API with CORS, made without the authorizer. */
    static GatewayResponse preflight(ApiSpec api) {
        Cors cors = api.cors();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", List.of(unquote(cors.allowOrigin())));
        if (!cors.allowHeaders().isEmpty()) {
            headers.put("Access-Control-Allow-Headers", List.of(unquote(String.join(",", cors.allowHeaders()))));
        }
        if (!cors.allowMethods().isEmpty()) {
            headers.put("Access-Control-Allow-Methods", List.of(unquote(String.join(",", cors.allowMethods()))));
        }
        if (cors.maxAge() != null) {
            headers.put("Access-Control-Max-Age", List.of(String.valueOf(cors.maxAge())));
        }
        return new GatewayResponse(rest(api) ? 200 : 204, headers, new byte[0]);
    }

    /**
     * An HTTP API's CORS headers on any response to a request from an allowed origin. A REST API
     * adds none: its backend and its gateway responses carry their own.
     */
    static GatewayResponse withCors(ApiSpec api, GatewayResponse response, String origin) {
        Cors cors = api.cors();
        if (rest(api) || cors == null || origin == null) {
            return response;
        }
        String allowed = unquote(cors.allowOrigin());
        if (!allowed.equals("*") && !allowed.equals(origin)) {
            return response;
        }
        return response.withHeaderIfAbsent("Access-Control-Allow-Origin", allowed);
    }

    private static GatewayResponse restError(ApiSpec api, int status, String body, String errorType) {
        return withGatewayHeaders(api, GatewayResponse.json(status, body).withHeaderIfAbsent("x-amzn-ErrorType", errorType));
    }

    private static GatewayResponse withGatewayHeaders(ApiSpec api, GatewayResponse response) {
        Map<String, String> configured = api.gatewayResponseHeaders().get(response.status());
        if (configured == null) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        configured.forEach((name, value) -> headers.put(name, List.of(unquote(value))));
        return new GatewayResponse(response.status(), headers, response.body());
    }

    /** SAM writes header values as quoted literals ({@code "'*'"}); the client sees what is inside. */
    static String unquote(String value) {
        return value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean rest(ApiSpec api) {
        return api.type() == ApiType.REST;
    }
}
