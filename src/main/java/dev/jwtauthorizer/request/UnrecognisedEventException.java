package dev.jwtauthorizer.request;

/**
 * An event that is no API Gateway authorizer event this function knows. The message says what
 * arrived by shape only (type, version, member names), never by content.
 */
public final class UnrecognisedEventException extends RuntimeException {
    public UnrecognisedEventException(String whatArrived) {
        super(whatArrived, null, false, false);
    }
}
