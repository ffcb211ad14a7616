/**
 * Structured JSON log lines on standard error and CloudWatch Embedded Metric Format metrics.
 *
 * <p>Internal: not part of the API; may change in any release.
 */
package dev.jwtauthorizer.log;
