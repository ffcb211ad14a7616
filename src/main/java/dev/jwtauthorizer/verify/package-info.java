/**
 * Token verification: strict decoding, the issuer's checks (algorithm, typ, key, signature, times,
 * audience), and assembling verifiers with their keys.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.verify;
