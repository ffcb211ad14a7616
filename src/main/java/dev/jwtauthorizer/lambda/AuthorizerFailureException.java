package dev.jwtauthorizer.lambda;

import dev.jwtauthorizer.decision.Reason;

/**
 * The authorizer could not decide (keys unavailable, internal error). API Gateway turns any failure
 * other than "Unauthorized" into a 500, which never lets a request through and tells the client
 * the fault is not its token.
 */
public final class AuthorizerFailureException extends RuntimeException {
    public AuthorizerFailureException(Reason reason) {
        super("Authorizer failure: " + reason.name(), null, false, false);
    }
}
