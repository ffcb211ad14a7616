package dev.jwtauthorizer.verifier;

/**
 * Which of an Amazon Cognito user pool's tokens a {@link JwtVerifier#cognito(String) Cognito
 * verifier} accepts, by their {@code token_use} claim. Both kinds are signed by the same keys, so
 * without this check an ID token would pass where an access token is meant.
 */
public enum TokenUse {
    /** Access tokens: {@code token_use} is {@code access}, the app client id is in {@code client_id}. */
    ACCESS("access"),
    /** ID tokens: {@code token_use} is {@code id}, the app client id is in {@code aud}. */
    ID("id");

    private final String claimValue;

    TokenUse(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value of the {@code token_use} claim: {@code access} or {@code id}. */
    String claimValue() {
        return claimValue;
    }
}
