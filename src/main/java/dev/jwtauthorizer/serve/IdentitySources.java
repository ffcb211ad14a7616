package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import java.util.ArrayList;
import java.util.List;

/**
 * An authorizer's identity sources read from a request. API Gateway requires every one of them:
 * when one is missing or empty it answers 401 itself and never calls the function. Their values
 * are also the cache key (a TOKEN authorizer's one source is the token).
 */
final class IdentitySources {
    /** A TOKEN authorizer without a configured header reads Authorization, as API Gateway does. */
    static final String DEFAULT_TOKEN_SOURCE = "header:Authorization";

    private IdentitySources() {
    }

    static List<String> of(AuthorizerSpec spec) {
        if (spec.payload() == Payload.TOKEN && spec.identitySources().isEmpty()) {
            return List.of(DEFAULT_TOKEN_SOURCE);
        }
        return spec.identitySources();
    }

    /**
     * @return the values in the sources' order, or null when one is missing or empty. Stage
     *         variables and context variables other than routeKey, stage, httpMethod and path do not exist
     *         here, so an authorizer naming one refuses every request: failing closed beats guessing.
     */
    static List<String> values(List<String> sources, GatewayRequest request, RouteMatch match, String stage) {
        List<String> values = new ArrayList<>(sources.size());
        for (String source : sources) {
            String value = value(source, request, match, stage);
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String value(String source, GatewayRequest request, RouteMatch match, String stage) {
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon);
        String name = source.substring(colon + 1);
        return switch (kind) {
            case "header" -> {
                List<String> values = request.headerValues(name);
                yield values.isEmpty() ? null : String.join(",", values);
            }
            case "query" -> {
                List<String> values = request.queryParameters().get(name);
                yield values == null ? null : String.join(",", values);
            }
            case "context" -> switch (name) {
                case "routeKey" -> match.routeKey();
                case "stage" -> stage;
                case "httpMethod" -> request.method();
                case "path" -> request.path();
                default -> null;
            };
            default -> null;
        };
    }
}
