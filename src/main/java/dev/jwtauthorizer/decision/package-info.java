/**
 * What was decided for a request and why: outcomes, decisions and the exceptions that carry a reason.
 *
 * <p>Internal: not part of the API; may change in any release. The one exception is {@link
 * dev.jwtauthorizer.decision.Reason}, the typed rejection reason, which is API.
 */
package dev.jwtauthorizer.decision;
