package dev.jwtauthorizer.config;

/** How HTTP API payload 2.0 events are answered: it must match the authorizer's EnableSimpleResponses. */
public enum HttpApiResponse {
    /** {@code {"isAuthorized": ..., "context": {...}}}. */
    SIMPLE,
    /** An IAM policy, as for every other kind. */
    POLICY
}
