/**
 * Request descriptions: reading each API Gateway event kind and finding the credential (token sources,
 * cookies, API keys) in it.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.request;
