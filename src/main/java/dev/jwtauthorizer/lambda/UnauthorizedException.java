package dev.jwtauthorizer.lambda;

/**
 * API Gateway answers 401 only when the authorizer fails with exactly this message. No stack
 * trace: it is the expected answer to every bad token, not an incident.
 */
public final class UnauthorizedException extends RuntimeException {
    public static final String MESSAGE = "Unauthorized";

    public UnauthorizedException() {
        super(MESSAGE, null, false, false);
    }
}
