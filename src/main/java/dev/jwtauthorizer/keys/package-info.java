/**
 * Key material and its lifecycle: key sets over HTTPS, OIDC discovery, files, inline keys and HMAC
 * secrets, their cache, refresh and bounded fetches.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.keys;
