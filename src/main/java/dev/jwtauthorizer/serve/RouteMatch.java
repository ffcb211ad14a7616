package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.RouteSpec;
import java.util.Map;

/**
 * The route a request was matched to.
 *
 * @param routeKey       {@code GET /books/{id}}, {@code ANY /{proxy+}} or {@code $default}
 * @param path           the request's path without the stage: {@code /books/42}
 * @param pathParameters {@code {id}} and {@code {proxy+}} values by name ({@code proxy} for the latter)
 */
public record RouteMatch(RouteSpec route, String routeKey, String path, Map<String, String> pathParameters) {
    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
