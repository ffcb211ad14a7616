package dev.jwtauthorizer.serve;

/** What API Gateway makes of an authorizer's answer for one request. */
enum Verdict {
    /** The request goes to the backend. */
    ALLOW,
    /** 403: no Allow matched the request, or isAuthorized was false. */
    DENY,
    /** 403: a Deny statement matched the request. */
    EXPLICIT_DENY,
    /** 500: an answer of the wrong shape. */
    MALFORMED
}
