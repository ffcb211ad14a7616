/**
 * The command line: invoke, replay, token, api-key and serve, driving the same pieces as the function from
 * a terminal.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.cli;
