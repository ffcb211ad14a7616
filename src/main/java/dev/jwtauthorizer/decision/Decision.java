package dev.jwtauthorizer.decision;

import dev.jwtauthorizer.policy.AuthorizerResponse;

/**
 * What the authorizer decided for one request.
 *
 * @param response the policy for ALLOW and DENY; null otherwise
 */
public record Decision(Reason reason, AuthorizerResponse response) {
    public Decision {
        boolean hasPolicy = reason.outcome() == Outcome.ALLOW || reason.outcome() == Outcome.DENY;
        if (hasPolicy != (response != null)) {
            throw new IllegalArgumentException("a policy goes with ALLOW and DENY only");
        }
    }

    public Outcome outcome() {
        return reason.outcome();
    }
}
