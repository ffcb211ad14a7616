package dev.jwtauthorizer.decision;

import dev.jwtauthorizer.policy.AuthorizerResponse;
import java.util.Map;

/**
 * What the authorizer decided for one request.
 *
 * @param response the principal, routes and context for ALLOW and DENY; null otherwise
 * @param answer   what API Gateway is sent for ALLOW and DENY, in the request kind's shape (a policy,
 *                 or an HTTP API simple response), as maps and lists; null otherwise
 */
public record Decision(Reason reason, AuthorizerResponse response, Map<String, Object> answer) {
    public Decision {
        boolean hasPolicy = reason.outcome() == Outcome.ALLOW || reason.outcome() == Outcome.DENY;
        if (hasPolicy != (response != null) || hasPolicy != (answer != null)) {
            throw new IllegalArgumentException("a response and an answer go with ALLOW and DENY only");
        }
    }

    /** A rejection or failure: no response, no answer. */
    public static Decision refused(Reason reason) {
        return new Decision(reason, null, null);
    }

    public Outcome outcome() {
        return reason.outcome();
    }
}
