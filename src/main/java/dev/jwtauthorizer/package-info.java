/**
 * The authorizer's flow: from one request description to a decision (credentials checked, routes found,
 * answer built), with its decision log and priming.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer;
