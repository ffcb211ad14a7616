/**
 * Reads and writes JSON as plain maps and lists with a strict reader of our own: repeated members,
 * deep nesting, lone surrogates and bytes that are not UTF-8 refused.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.json;
