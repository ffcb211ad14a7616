package dev.jwtauthorizer.serve.model;

import java.util.List;

/**
 * One Lambda authorizer of an API, as the template configures it.
 *
 * @param identitySources      {@code header:NAME}, {@code query:NAME}, {@code context:NAME} or
 *                             {@code stageVariable:NAME}, in the template's order
 * @param validationExpression a REST TOKEN authorizer's regular expression; null when none
 * @param ttlSeconds           how long an answer is cached; 0 for no cache
 * @param simpleResponses      whether an HTTP API payload 2.0 authorizer takes {@code isAuthorized}
 */
public record AuthorizerSpec(String name, Payload payload, List<String> identitySources, String validationExpression,
                             int ttlSeconds, boolean simpleResponses) {
    public AuthorizerSpec {
        identitySources = List.copyOf(identitySources);
    }
}
