package dev.jwtauthorizer.keys;

import java.io.IOException;

/**
 * An answer with a status other than 200. Its message names the status and where it came from,
 * never the body; the body of an error answer is kept only when the request asked for it (a POST to
 * an API whose errors say their kind in the body), for the caller to read what it may say.
 */
public final class HttpStatusException extends IOException {
    private final int status;
    private final transient byte[] errorBody;

    HttpStatusException(int status, String where, byte[] errorBody) {
        super("HTTP status " + status + " from " + where);
        this.status = status;
        this.errorBody = errorBody;
    }

    public int status() {
        return status;
    }

    /** The error answer's body; empty when it was not read. Never to be logged as it is. */
    public byte[] errorBody() {
        return errorBody == null ? new byte[0] : errorBody.clone();
    }
}
