package dev.jwtauthorizer.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer HTTP API authorizers with simple responses enabled read:
 * {@code {"isAuthorized": true, "context": {"principalId": "alice", ...}}}. It says yes or no for
 * the one request: API Gateway caches it per identity source values, so the template adds
 * {@code $context.routeKey} to them whenever rules differ by route.
 */
public final class SimpleResponse {
    public static final String PRINCIPAL_KEY = "principalId";

    private SimpleResponse() {
    }

    /**
     * @param response   the decision's principal and context, carried only when authorized
     * @param authorized whether the request's route is allowed
     */
    public static Map<String, Object> toMap(AuthorizerResponse response, boolean authorized) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("isAuthorized", authorized);
        if (authorized) {
            // A simple response has no principalId of its own; the backend finds it in the context.
            // Put last, so that a context claim of that name never stands in for the verified principal.
            Map<String, Object> context = new LinkedHashMap<>(response.context());
            context.put(PRINCIPAL_KEY, response.principalId());
            answer.put("context", context);
        }
        return answer;
    }
}
