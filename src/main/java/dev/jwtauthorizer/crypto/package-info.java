/**
 * Installs the Amazon Corretto Crypto Provider when it is present, for faster signature checks.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.crypto;
