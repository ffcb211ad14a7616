/**
 * What AWS calls need without an SDK: credentials from the environment or the container endpoint, SigV4
 * signing, the Secrets Manager endpoint.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.aws;
