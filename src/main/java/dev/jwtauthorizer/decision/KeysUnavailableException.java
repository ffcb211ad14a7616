package dev.jwtauthorizer.decision;

/**
 * No usable key material: none was ever loaded, or the last good set is past its maximum staleness,
 * and the source cannot be reached now. The token may well be genuine, so this is a failure of ours
 * (500), not the client's (401), and never an Allow.
 */
public final class KeysUnavailableException extends RuntimeException {
    private final Reason reason;

    public KeysUnavailableException(Reason reason, String source) {
        super("keys unavailable: " + source, null, false, false);
        this.reason = reason;
    }

    /** KEY_SET_UNAVAILABLE or SECRET_UNAVAILABLE. */
    public Reason reason() {
        return reason;
    }
}
