package dev.jwtauthorizer;

import dev.jwtauthorizer.apikeys.ApiKeyEntry;
import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.HttpApiResponse;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
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
 * lack, and the same answer shape, in every kind. A custom check, when configured, has its say in
 * between, for every credential that passed, whether or not the request's route is granted: with a
 * cached answer, what it allows or denies reaches the token's other routes too.
 */
final class Answers {
    static final String API_KEY_ID = "apiKeyId";

    /** What the credential grants, before a custom check has its say. */
    private record Grant(String principal, List<Route> routes, Map<String, Object> context, String usageKey) {
        /** The routes as a check reads them. */
        List<String> routeTexts() {
            return routes == null ? CheckRequest.EVERY_ROUTE : routes.stream().map(Route::toString).toList();
        }
    }

    private final AuthorizerConfig config;
    /** Null when no custom check is configured. */
    private final CustomCheck check;

    Answers(AuthorizerConfig config, CustomCheck check) {
        this.config = config;
        this.check = check;
    }

    /** A verified token's answer: principal and context from its claims, routes from its issuer's rules. */
    Decision forToken(VerifiedToken token, AuthorizerRequest request, MethodArn arn, DecisionLog.Checked checked) {
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
        Grant grant = new Grant(principal, rules == null ? null : rules.routesFor(token), context, usageKey);
        return check == null ? answer(grant, null, request, arn)
                : checked(grant, CheckRequest.builder().claims(token.claims()), request, arn, checked);
    }

    /** A recognised API key's answer: everything from its entry, and its id in the context. */
    Decision forApiKey(ApiKeyEntry entry, AuthorizerRequest request, MethodArn arn, DecisionLog.Checked checked) {
        Map<String, Object> context = new LinkedHashMap<>(entry.context());
        context.put(API_KEY_ID, entry.id());
        Grant grant = new Grant(entry.principal(), entry.routes(), context, entry.usageIdentifierKey());
        return check == null ? answer(grant, null, request, arn)
                : checked(grant, CheckRequest.builder().apiKeyId(entry.id()), request, arn, checked);
    }

    /** The answer once the custom check has had its say: a 401, a 403, or the grant narrowed and with more context. */
    private Decision checked(Grant grant, CheckRequest.Builder credential, AuthorizerRequest request, MethodArn arn,
                             DecisionLog.Checked checked) {
        CheckResult result = check.run(describe(credential, grant, request, arn));
        if (result == null) {
            return Decision.refused(Reason.CUSTOM_CHECK_FAILED);
        }
        checked.checkReason = result.reason();
        if (result.isRejected()) {
            return Decision.refused(Reason.CUSTOM_CHECK_REJECTED);
        }
        if (result.isDenied()) {
            return answer(new Grant(grant.principal(), List.of(), grant.context(), grant.usageKey()),
                    Reason.CUSTOM_CHECK_DENIED, request, arn);
        }
        Map<String, Object> context = new LinkedHashMap<>(grant.context());
        context.putAll(result.context());
        List<Route> routes = result.routes() == null ? grant.routes() : RouteNarrowing.narrow(grant.routes(), result.routes());
        return answer(new Grant(grant.principal(), routes, context, grant.usageKey()), null, request, arn);
    }

    private static CheckRequest describe(CheckRequest.Builder credential, Grant grant, AuthorizerRequest request, MethodArn arn) {
        credential.principalId(grant.principal())
                .api(request.kind().name())
                .method(arn.verb())
                .path(arn.path())
                .methodArn(request.arn())
                .routes(grant.routeTexts());
        request.headers().forEach((name, values) -> values.forEach(value -> credential.header(name, value)));
        request.query().forEach((name, values) -> values.forEach(value -> credential.queryParameter(name, value)));
        return credential.build();
    }

    /**
     * @param denial null, or the reason a custom check denied the request (whose grant then holds no route)
     */
    private Decision answer(Grant grant, Reason denial, AuthorizerRequest request, MethodArn arn) {
        PolicyBuilder policy = PolicyBuilder.forRequest(arn).principalId(grant.principal());
        if (grant.routes() == null) {
            policy.allowAllRoutes();
        } else {
            for (Route route : grant.routes()) {
                // A WebSocket route key never matches an HTTP request, nor a verb and path a connection.
                if (route.isWebSocket() == arn.isWebSocketRoute()) {
                    policy.allow(route);
                }
            }
        }
        for (Map.Entry<String, Object> member : grant.context().entrySet()) {
            String key = member.getKey();
            Object value = member.getValue();
            if (value instanceof String text) {
                policy.context(key, text);
            } else if (value instanceof Number number) {
                policy.context(key, number);
            } else if (value instanceof Boolean flag) {
                policy.context(key, flag);
            }
        }
        if (grant.usageKey() != null && request.kind().hasUsagePlans()) {
            policy.usageIdentifierKey(grant.usageKey());
        }
        AuthorizerResponse response = policy.build();
        boolean allowed = response.permits(arn);
        Map<String, Object> answer = request.kind() == ApiKind.HTTP_API_V2 && config.httpApiResponse() == HttpApiResponse.SIMPLE
                ? SimpleResponse.toMap(response, allowed)
                : response.toMap();
        Reason reason = denial != null ? denial : allowed ? Reason.ROUTE_ALLOWED : Reason.ROUTE_NOT_ALLOWED;
        return new Decision(reason, response, answer);
    }
}
