package dev.jwtauthorizer.serve;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One request through API Gateway, in its order: CORS preflight (answered without the authorizer),
 * route, identity sources (a missing one is a 401 without a call), a TOKEN authorizer's validation
 * expression (a mismatch likewise), the cache, the call to the same handler Lambda runs, the
 * verdict on the answer for this request's ARN, then the backend.
 */
final class RequestFlow {
    /** What happened to a request, for its access line. @param cache hit, miss or none */
    record Outcome(GatewayResponse response, String cache, String principal) {
    }

    private final ApiSpec api;
    private final RouteTable routes;
    private final RequestHandler<Map<String, Object>, Map<String, Object>> authorizer;
    private final Backend backend;
    private final AnswerCache cache;
    private final Map<String, Pattern> validationExpressions = new HashMap<>();

    /** @throws IllegalArgumentException naming the authorizer whose validation expression is not a regular expression */
    RequestFlow(ApiSpec api, RequestHandler<Map<String, Object>, Map<String, Object>> authorizer, Backend backend, Clock clock) {
        this.api = api;
        this.routes = new RouteTable(api);
        this.authorizer = authorizer;
        this.backend = backend;
        this.cache = new AnswerCache(clock);
        api.authorizers().forEach((name, spec) -> {
            if (spec.payload() == Payload.TOKEN && spec.validationExpression() != null) {
                try {
                    validationExpressions.put(name, Pattern.compile(spec.validationExpression()));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("authorizer " + name + ": the validation expression is not a regular expression: "
                            + e.getDescription());
                }
            }
        });
    }

    ApiSpec api() {
        return api;
    }

    Outcome handle(GatewayRequest request) {
        if (api.cors() != null && request.method().equals("OPTIONS")) {
            return new Outcome(GatewayResponses.preflight(api), "none", null);
        }
        RouteMatch match = routes.match(request.method(), request.path());
        if (match == null) {
            return new Outcome(GatewayResponses.noRoute(api), "none", null);
        }
        if (match.route().authorizer() == null) {
            return new Outcome(callBackend(request, match, null), "none", null);
        }
        AuthorizerSpec spec = api.authorizers().get(match.route().authorizer());
        if (spec == null) {
            // A route naming an authorizer the API does not have: fail closed.
            return new Outcome(GatewayResponses.authorizerFailure(api), "none", null);
        }
        List<String> identity = IdentitySources.values(IdentitySources.of(spec), request, match, api.stage());
        if (identity == null) {
            return new Outcome(GatewayResponses.unauthorized(api), "none", null);
        }
        Pattern expression = validationExpressions.get(match.route().authorizer());
        if (expression != null && !expression.matcher(identity.get(0)).matches()) {
            return new Outcome(GatewayResponses.unauthorized(api), "none", null);
        }
        String arn = AuthorizerEvents.arn(api, request.method(), match.path());
        boolean caching = spec.ttlSeconds() > 0;
        String cacheName = match.route().authorizer();
        Map<String, Object> answer = caching ? cache.get(cacheName, identity) : null;
        String cacheState = !caching ? "none" : answer != null ? "hit" : "miss";
        if (answer == null) {
            try {
                answer = invoke(AuthorizerEvents.build(spec.payload(), api, request, match, arn, identity));
            } catch (RuntimeException e) {
                // Only the exact error message "Unauthorized" is a 401; every other failure a 500.
                return new Outcome("Unauthorized".equals(e.getMessage()) ? GatewayResponses.unauthorized(api)
                        : GatewayResponses.authorizerFailure(api), cacheState, null);
            }
            if (caching) {
                cache.put(cacheName, identity, answer, spec.ttlSeconds());
            }
        }
        String principal = AnswerEvaluator.principal(answer);
        boolean simple = spec.payload() == Payload.V2 && spec.simpleResponses();
        Verdict verdict = AnswerEvaluator.judge(answer, arn, simple);
        GatewayResponse response = switch (verdict) {
            case ALLOW -> callBackend(request, match, backendView(answer));
            case DENY -> GatewayResponses.forbidden(api, false);
            case EXPLICIT_DENY -> GatewayResponses.forbidden(api, true);
            case MALFORMED -> GatewayResponses.authorizerFailure(api);
        };
        return new Outcome(response, cacheState, principal);
    }

    /**
     * The handler called as the Lambda runtime calls it, one call at a time as in one Lambda
     * container; the answer goes through JSON as it would between Lambda and API Gateway, so a
     * value JSON cannot carry shows here too.
     */
    private Map<String, Object> invoke(Map<String, Object> event) {
        Map<String, Object> answer;
        synchronized (authorizer) {
            answer = authorizer.handleRequest(event, null);
        }
        Map<String, Object> read = Json.asObject(Json.read(Json.write(answer)));
        if (read == null) {
            throw new IllegalStateException("the authorizer's answer is not a JSON object");
        }
        return read;
    }

    /** requestContext.authorizer as the backend sees it: REST flat (principalId and context), HTTP {"lambda": context}. */
    private Map<String, Object> backendView(Map<String, Object> answer) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (answer.get("context") instanceof Map<?, ?> values) {
            values.forEach((name, value) -> context.put(String.valueOf(name), value));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        if (api.type() == ApiType.REST) {
            view.put("principalId", answer.get("principalId"));
            view.putAll(context);
        } else {
            view.put("lambda", context);
        }
        return view;
    }

    private GatewayResponse callBackend(GatewayRequest request, RouteMatch match, Map<String, Object> authorizerView) {
        try {
            return backend.call(request, match, authorizerView);
        } catch (Backend.BackendFailure e) {
            System.err.println("jwt-authorizer serve: " + e.getMessage());
            return GatewayResponses.badGateway(api);
        }
    }
}
