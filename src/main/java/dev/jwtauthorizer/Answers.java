package dev.jwtauthorizer;

import dev.jwtauthorizer.apikeys.ApiKeyEntry;
import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.HttpApiResponse;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.policy.PolicyBuilder;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.policy.SimpleResponse;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.rules.RouteRules;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns who a credential names (principal, routes, context, usage key) into the answer for the
 * request's kind of API: the same for a JWT and an API key, so that both get a 403 for a route they
 * lack, and the same answer shape, in every kind.
 */
final class Answers {
    static final String API_KEY_ID = "apiKeyId";

    private final AuthorizerConfig config;

    Answers(AuthorizerConfig config) {
        this.config = config;
    }

    /** A verified token's answer: principal and context from its claims, routes from its issuer's rules. */
    Decision forToken(VerifiedToken token, AuthorizerRequest request, MethodArn arn) {
        String principal = token.scalar(config.principalClaim());
        if (principal == null || principal.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_PRINCIPAL);
        }
        RouteRules rules = token.issuer().rules();
        Map<String, Object> context = new LinkedHashMap<>();
        for (ClaimPath claim : config.contextClaims()) {
            Object value = token.contextValue(claim);
            if (value != null) {
                context.put(claim.text(), value);
            }
        }
        String usageKey = config.usageIdentifierClaim() == null ? null : token.scalar(config.usageIdentifierClaim());
        return answer(principal, rules == null ? null : rules.routesFor(token), context, usageKey, request, arn);
    }

    /** A recognised API key's answer: everything from its entry, and its id in the context. */
    Decision forApiKey(ApiKeyEntry entry, AuthorizerRequest request, MethodArn arn) {
        Map<String, Object> context = new LinkedHashMap<>(entry.context());
        context.put(API_KEY_ID, entry.id());
        return answer(entry.principal(), entry.routes(), context, entry.usageIdentifierKey(), request, arn);
    }

    /**
     * @param routes   the routes granted; null: every route of the stage
     * @param context  strings, numbers and booleans; anything else is left out
     * @param usageKey null for none; sent to REST APIs only, which alone have usage plans
     */
    private Decision answer(String principal, List<Route> routes, Map<String, Object> context, String usageKey,
                            AuthorizerRequest request, MethodArn arn) {
        PolicyBuilder policy = PolicyBuilder.forRequest(arn).principalId(principal);
        if (routes == null) {
            policy.allowAllRoutes();
        } else {
            for (Route route : routes) {
                // A WebSocket route key never matches an HTTP request, nor a verb and path a connection.
                if (route.isWebSocket() == arn.isWebSocketRoute()) {
                    policy.allow(route);
                }
            }
        }
        context.forEach((key, value) -> {
            if (value instanceof String text) {
                policy.context(key, text);
            } else if (value instanceof Number number) {
                policy.context(key, number);
            } else if (value instanceof Boolean flag) {
                policy.context(key, flag);
            }
        });
        if (usageKey != null && request.kind().hasUsagePlans()) {
            policy.usageIdentifierKey(usageKey);
        }
        AuthorizerResponse response = policy.build();
        boolean allowed = response.permits(arn);
        Map<String, Object> answer = request.kind() == ApiKind.HTTP_API_V2 && config.httpApiResponse() == HttpApiResponse.SIMPLE
                ? SimpleResponse.toMap(response, allowed)
                : response.toMap();
        return new Decision(allowed ? Reason.ROUTE_ALLOWED : Reason.ROUTE_NOT_ALLOWED, response, answer);
    }
}
