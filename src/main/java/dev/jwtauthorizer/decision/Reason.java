package dev.jwtauthorizer.decision;

/** Why a request got its outcome: logged as a code, never parsed from a message. */
public enum Reason {
    ROUTE_ALLOWED(Outcome.ALLOW),
    ROUTE_NOT_ALLOWED(Outcome.DENY),
    /** The custom check (JWT_CUSTOM_CHECK) denied a request whose credential passed: a 403, as for a route it lacks. */
    CUSTOM_CHECK_DENIED(Outcome.DENY),

    MISSING_TOKEN(Outcome.UNAUTHORIZED),
    TOKEN_TOO_LARGE(Outcome.UNAUTHORIZED),
    MALFORMED_TOKEN(Outcome.UNAUTHORIZED),
    /** Two token sources, or one source given twice, carry different values: refused rather than guessed. */
    AMBIGUOUS_TOKEN(Outcome.UNAUTHORIZED),
    ALGORITHM_NOT_ALLOWED(Outcome.UNAUTHORIZED),
    UNSUPPORTED_CRITICAL_HEADER(Outcome.UNAUTHORIZED),
    WRONG_TOKEN_TYPE(Outcome.UNAUTHORIZED),
    WRONG_ISSUER(Outcome.UNAUTHORIZED),
    KID_REQUIRED(Outcome.UNAUTHORIZED),
    UNKNOWN_KID(Outcome.UNAUTHORIZED),
    KEY_MISMATCH(Outcome.UNAUTHORIZED),
    BAD_SIGNATURE(Outcome.UNAUTHORIZED),
    MISSING_EXPIRY(Outcome.UNAUTHORIZED),
    EXPIRED(Outcome.UNAUTHORIZED),
    NOT_YET_VALID(Outcome.UNAUTHORIZED),
    ISSUED_IN_FUTURE(Outcome.UNAUTHORIZED),
    WRONG_TOKEN_USE(Outcome.UNAUTHORIZED),
    WRONG_CLIENT_ID(Outcome.UNAUTHORIZED),
    WRONG_AUDIENCE(Outcome.UNAUTHORIZED),
    MISSING_PRINCIPAL(Outcome.UNAUTHORIZED),
    INVALID_METHOD_ARN(Outcome.UNAUTHORIZED),
    /** A methodArn, or a part of it, longer than API Gateway sends: no policy could be built for it. */
    METHOD_ARN_OUT_OF_LIMITS(Outcome.UNAUTHORIZED),
    /** An API key that is empty, longer than any key this authorizer accepts, or holds a control character. */
    API_KEY_MALFORMED(Outcome.UNAUTHORIZED),
    /** An API key whose digest matches no active entry of the key list. */
    API_KEY_NOT_RECOGNISED(Outcome.UNAUTHORIZED),
    /** A request carrying a JWT and an API key, or two different API keys: refused rather than guessed. */
    AMBIGUOUS_CREDENTIALS(Outcome.UNAUTHORIZED),
    /**
     * An HTTP API event whose identity source values (the key of API Gateway's answer cache) do not
     * hold the credential: an answer cached under them would let in a later request without it.
     */
    CREDENTIAL_NOT_IN_IDENTITY_SOURCE(Outcome.UNAUTHORIZED),
    /** The custom check rejected a request whose credential passed: a 401. */
    CUSTOM_CHECK_REJECTED(Outcome.UNAUTHORIZED),

    KEY_SET_UNAVAILABLE(Outcome.ERROR),
    SECRET_UNAVAILABLE(Outcome.ERROR),
    /** An event that is no API Gateway authorizer event this function knows: a wiring mistake, answered 500. */
    UNRECOGNISED_EVENT(Outcome.ERROR),
    /** The custom check threw, or returned null: closed, with a 500. */
    CUSTOM_CHECK_FAILED(Outcome.ERROR),
    INTERNAL_ERROR(Outcome.ERROR);

    private final Outcome outcome;

    Reason(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
