/**
 * The Lambda function: the handler that turns each API Gateway event into a request description and the
 * decision into the answer that kind of API expects.
 *
 * <p>Internal: not part of the API; may change in any release. The handler class names ({@code
 * AuthorizerHandler}, {@code TokenAuthorizerHandler}) are a contract with templates and stay.
 */
package dev.jwtauthorizer.lambda;
