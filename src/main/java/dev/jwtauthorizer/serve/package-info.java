/**
 * The command line's local API Gateway: serves a SAM template's routes on loopback and calls the
 * authorizer as API Gateway would.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.serve;
