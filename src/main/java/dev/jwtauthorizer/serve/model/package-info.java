/**
 * The APIs, routes and authorizers the local gateway serves, as read from a template.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.serve.model;
