/**
 * Verifies JSON Web Tokens in your own Java code, with the checks and key handling of the
 * jwt-authorizer function itself.
 *
 * <p>Build a {@link dev.jwtauthorizer.verifier.JwtVerifier} once, with
 * {@link dev.jwtauthorizer.verifier.JwtVerifier#builder()} (any issuer: a key set URL, an inline key
 * set, an HMAC secret, or OIDC discovery) or {@link dev.jwtauthorizer.verifier.JwtVerifier#cognito(String)}
 * (an Amazon Cognito user pool), and share it between threads. {@code verify(token)} returns a
 * {@link dev.jwtauthorizer.verifier.VerifiedJwt} with the token's claims, or throws
 * {@link dev.jwtauthorizer.verifier.JwtRejectedException} (the token does not pass; its
 * {@code reason()} says why) or {@link dev.jwtauthorizer.verifier.JwtVerifierUnavailableException}
 * (no keys can be had now: not the client's fault).
 *
 * <p>This package is API: its public types change only with a new minor version, and with notice.
 * The policy and simple-response builders are in {@code dev.jwtauthorizer.policy}.
 */
package dev.jwtauthorizer.verifier;
