/**
 * Claims-to-routes rules: which routes a verified token may call.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.rules;
