/**
 * The function's configuration, read and validated once from environment variables (and the library
 * builders' values, through the same readers).
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.config;
