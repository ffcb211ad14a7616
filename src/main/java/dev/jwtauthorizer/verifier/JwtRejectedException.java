package dev.jwtauthorizer.verifier;

import dev.jwtauthorizer.decision.Reason;

/**
 * The token does not pass: the client's credential is wrong (an HTTP API answers 401). The
 * {@link #reason()} says which check refused it; branch on it rather than on the message.
 *
 * <p>Carries neither the token nor a stack trace: rejections are expected and frequent, and the
 * reason is all a log needs.
 */
public final class JwtRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    JwtRejectedException(Reason reason) {
        super("token rejected: " + reason.name(), null, false, false);
        this.reason = reason;
    }

    /**
     * Why the token was refused, for example {@link Reason#EXPIRED}, {@link Reason#WRONG_AUDIENCE},
     * {@link Reason#WRONG_ISSUER}, {@link Reason#BAD_SIGNATURE}, {@link Reason#ALGORITHM_NOT_ALLOWED}
     * (which covers {@code alg: none}), {@link Reason#UNKNOWN_KID} or {@link Reason#MALFORMED_TOKEN}.
     * Its {@link Reason#outcome() outcome} is always {@code UNAUTHORIZED}.
     */
    public Reason reason() {
        return reason;
    }
}
