package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which API {@code serve} behaves like: the default one, or one of a template's. */
public final class ApiSelection {
    /** The default API's TTL, API Gateway's default ReauthorizeEvery. */
    public static final int DEFAULT_TTL_SECONDS = 300;
    static final String DEFAULT_AUTHORIZER = "JwtAuthorizer";

    private ApiSelection() {
    }

    /**
     * Without a template: REST API "local" on stage prod, every path and method one route
     * protected by a TOKEN authorizer on the Authorization header, no validation expression.
     */
    public static ApiSpec defaultApi(int ttlSeconds) {
        AuthorizerSpec authorizer = new AuthorizerSpec(DEFAULT_AUTHORIZER, Payload.TOKEN,
                List.of(IdentitySources.DEFAULT_TOKEN_SOURCE), null, ttlSeconds, false);
        // API Gateway's {proxy+} needs one segment at least, so the root is a route of its own.
        return new ApiSpec("local", ApiType.REST, "prod", Map.of(DEFAULT_AUTHORIZER, authorizer),
                List.of(new RouteSpec("ANY", "/", DEFAULT_AUTHORIZER), new RouteSpec("ANY", "/{proxy+}", DEFAULT_AUTHORIZER)),
                null, Map.of());
    }

    /**
     * @param name the --api given, or null for the first REST API (or the first API when none is REST)
     * @throws IllegalArgumentException when there is no API, or none of that name (naming those there are)
     */
    public static ApiSpec pick(List<ApiSpec> apis, String name) {
        if (apis.isEmpty()) {
            throw new IllegalArgumentException("the template has no AWS::Serverless::Api or AWS::Serverless::HttpApi");
        }
        if (name == null) {
            return apis.stream().filter(api -> api.type() == ApiType.REST).findFirst().orElse(apis.get(0));
        }
        return apis.stream().filter(api -> api.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no API named " + name + " in the template; its APIs are "
                        + String.join(", ", apis.stream().map(ApiSpec::name).toList())));
    }

    /** The API with every authorizer's TTL replaced (--ttl). */
    public static ApiSpec withTtl(ApiSpec api, int ttlSeconds) {
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        api.authorizers().forEach((name, spec) -> authorizers.put(name, new AuthorizerSpec(spec.name(), spec.payload(),
                spec.identitySources(), spec.validationExpression(), ttlSeconds, spec.simpleResponses())));
        return new ApiSpec(api.name(), api.type(), api.stage(), authorizers, api.routes(), api.cors(),
                api.gatewayResponseHeaders());
    }
}
