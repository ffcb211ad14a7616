/**
 * The answers an API Gateway Lambda authorizer gives, usable from any handler: parse the request's
 * {@link dev.jwtauthorizer.policy.MethodArn}, build an IAM policy with
 * {@link dev.jwtauthorizer.policy.PolicyBuilder} (allow and deny {@link dev.jwtauthorizer.policy.Route}s,
 * context, usage identifier key), and turn the result into the map the Lambda runtime returns, or
 * into an HTTP API simple response with {@link dev.jwtauthorizer.policy.SimpleResponse}.
 *
 * <p>This package is API: its public types change only with a new minor version, and with notice.
 */
package dev.jwtauthorizer.policy;
