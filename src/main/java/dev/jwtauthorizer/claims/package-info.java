/**
 * Where a claim is found in a token's payload: a top-level name or a JSON Pointer, read once from
 * configuration.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.claims;
