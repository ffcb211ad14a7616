package dev.jwtauthorizer.serve.model;

/**
 * One route of an API.
 *
 * @param method     an HTTP method, or ANY
 * @param path       a path template: {@code /books/{id}}, {@code /{proxy+}}
 * @param authorizer the name of the authorizer protecting it; null when unprotected
 */
public record RouteSpec(String method, String path, String authorizer) {
}
