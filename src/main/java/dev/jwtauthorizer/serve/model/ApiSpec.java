package dev.jwtauthorizer.serve.model;

import java.util.List;
import java.util.Map;

/**
 * One API for {@code serve} to behave like.
 *
 * @param stage                  the stage name ({@code $default} for an HTTP API's default stage)
 * @param cors                   null when the API has none
 * @param gatewayResponseHeaders a REST API's gateway response headers by status (401, 403, 500...)
 */
public record ApiSpec(String name, ApiType type, String stage, Map<String, AuthorizerSpec> authorizers,
                      List<RouteSpec> routes, Cors cors, Map<Integer, Map<String, String>> gatewayResponseHeaders) {
    public ApiSpec {
        authorizers = Map.copyOf(authorizers);
        routes = List.copyOf(routes);
        gatewayResponseHeaders = Map.copyOf(gatewayResponseHeaders);
    }
}
