/**
 * The compact JWT in an Authorization value (Bearer or bare, size-checked), and signing tokens for the
 * command line and priming.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.token;
