package dev.jwtauthorizer.verifier;

import dev.jwtauthorizer.decision.Reason;

/**
 * The verifier has no usable keys now: the key set (or the OIDC discovery document) was never
 * fetched, or the last good copy is older than an hour, and fetching it again failed. The token may
 * well be genuine, so this is not a {@link JwtRejectedException}: it is a failure on the server's
 * side (answer 500 or 503, never 401, and never let the request through). A later call tries the
 * fetch again, at most once every 30 seconds.
 */
public final class JwtVerifierUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /** @param where the key source, as logs name it: a URL, never key material */
    JwtVerifierUnavailableException(Reason reason, String where) {
        super(where, null, false, false);
        this.reason = reason;
    }

    /**
     * {@link Reason#KEY_SET_UNAVAILABLE} (its {@link Reason#outcome() outcome} is {@code ERROR}).
     * An HMAC secret given to the builder is always available.
     */
    public Reason reason() {
        return reason;
    }
}
