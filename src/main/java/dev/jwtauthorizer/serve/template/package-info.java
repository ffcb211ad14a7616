/**
 * Reading a SAM or CloudFormation template (a small YAML reader, short tags, values) into the local
 * gateway's model.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.serve.template;
