package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.support.Events;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API simple response, as the Lambda runtime writes it for API Gateway:
 * {@code {"isAuthorized": ..., "context": {...}}} ("Lambda function response for format 2.0").
 */
class SimpleResponseTest {
    private static final MethodArn ROUTE = MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/books");

    @Test
    void anAuthorizedAnswerCarriesTheContextAndThePrincipal() {
        AuthorizerResponse response = PolicyBuilder.forRequest(ROUTE).principalId("alice").allowAllRoutes()
                .context("tier", "gold").context("level", 3).context("admin", false).usageIdentifierKey("key-1").build();
        assertEquals("{\"isAuthorized\":true,\"context\":{\"tier\":\"gold\",\"level\":3,\"admin\":false,\"principalId\":\"alice\"}}",
                Events.toJson(SimpleResponse.toMap(response, true)));
    }

    @Test
    void aContextClaimNamedPrincipalIdNeverStandsInForTheVerifiedPrincipal() {
        AuthorizerResponse response = PolicyBuilder.forRequest(ROUTE).principalId("alice").allowAllRoutes()
                .context("principalId", "mallory").build();
        assertEquals("{\"isAuthorized\":true,\"context\":{\"principalId\":\"alice\"}}",
                Events.toJson(SimpleResponse.toMap(response, true)));
    }

    @Test
    void anAuthorizedAnswerWithoutContextClaimsStillNamesThePrincipal() {
        AuthorizerResponse response = PolicyBuilder.forRequest(ROUTE).principalId("alice").allowAllRoutes().build();
        assertEquals("{\"isAuthorized\":true,\"context\":{\"principalId\":\"alice\"}}",
                Events.toJson(SimpleResponse.toMap(response, true)));
    }

    @Test
    void aRefusalCarriesNoContextAtAll() {
        // Nothing about the caller reaches the backend or the access log for a request it refused.
        AuthorizerResponse response = PolicyBuilder.forRequest(ROUTE).principalId("alice")
                .allow(Route.parse("GET /other")).context("tier", "gold").build();
        assertEquals("{\"isAuthorized\":false}", Events.toJson(SimpleResponse.toMap(response, false)));
    }
}
