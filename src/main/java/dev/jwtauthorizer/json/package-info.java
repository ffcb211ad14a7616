/**
 * Reads and writes JSON as plain maps and lists, with jackson-core's streaming API alone: repeated members
 * and deep nesting refused.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.json;
