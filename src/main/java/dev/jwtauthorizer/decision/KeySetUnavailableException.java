package dev.jwtauthorizer.decision;

/**
 * No key set has ever been loaded and the key source cannot be reached now. The token may well be
 * genuine, so this is a failure of ours (500), not the client's (401), and never an Allow.
 */
public final class KeySetUnavailableException extends RuntimeException {
    public KeySetUnavailableException(String source) {
        super("key set unavailable: " + source, null, false, false);
    }
}
