package dev.jwtauthorizer.decision;

/**
 * A token (or request) that must not pass, with the typed reason. Carries no token text and no
 * stack trace: it is expected, frequent, and its reason is all a log needs.
 */
public final class TokenRejectedException extends RuntimeException {
    private final Reason reason;
    private final String algorithm;
    private final String keyId;
    private final boolean headerRead;

    public TokenRejectedException(Reason reason) {
        this(reason, null, null, false);
    }

    private TokenRejectedException(Reason reason, String algorithm, String keyId, boolean headerRead) {
        super(reason.name(), null, false, false);
        if (reason.outcome() != Outcome.UNAUTHORIZED) {
            throw new IllegalArgumentException("not a rejection: " + reason);
        }
        this.reason = reason;
        this.algorithm = algorithm;
        this.keyId = keyId;
        this.headerRead = headerRead;
    }

    /** The same rejection, with the token header's alg and kid for the log (untrusted text). */
    public TokenRejectedException withHeader(String algorithm, String keyId) {
        return new TokenRejectedException(reason, algorithm, keyId, true);
    }

    /** Whether the token was read as a JWT (its header and claims were JSON) before it was refused. */
    public boolean headerRead() {
        return headerRead;
    }

    public Reason reason() {
        return reason;
    }

    /** The header's alg as the token gave it, or null when unknown. */
    public String algorithm() {
        return algorithm;
    }

    /** The header's kid as the token gave it, or null. */
    public String keyId() {
        return keyId;
    }
}
