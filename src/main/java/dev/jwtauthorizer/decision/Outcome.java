package dev.jwtauthorizer.decision;

/** What API Gateway makes of a decision. */
public enum Outcome {
    /** A policy that allows the requested route. */
    ALLOW,
    /** A genuine token whose policy does not allow the requested route: API Gateway answers 403. */
    DENY,
    /** The function fails with exactly "Unauthorized": API Gateway answers 401. */
    UNAUTHORIZED,
    /** The function fails with another error: API Gateway answers 500. Never an Allow. */
    ERROR
}
