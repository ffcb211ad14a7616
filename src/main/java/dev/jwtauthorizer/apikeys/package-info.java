/**
 * API keys for machine clients: the key list (hashes only), its parsing, and matching a presented key in
 * constant time.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.apikeys;
