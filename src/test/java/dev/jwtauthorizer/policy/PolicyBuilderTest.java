package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyBuilderTest {
    private static final MethodArn REQUEST = MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/GET/books/42");

    private static MethodArn request(String verbAndPath) {
        return MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/" + verbAndPath);
    }

    @Test
    void methodArnIsSplitIntoItsParts() {
        MethodArn arn = MethodArn.parse("arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/v1/POST/a/b/c");
        assertEquals(new MethodArn("aws-us-gov", "us-gov-west-1", "123456789012", "abc123", "v1", "POST", "/a/b/c"), arn);
        assertEquals("/", MethodArn.parse("arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/v1/GET/").path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "arn:aws:lambda:us-east-1:123456789012:function:x",
            "arn:aws:execute-api:us-east-1:123456789012:abc123", "arn:aws:execute-api:us-east-1:1234:abc123/prod/GET/",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/*",
            "arn:aws:execute-api:us-east-1:123456789012:abc*/prod/GET/", "arn:evil:execute-api:us-east-1:123456789012:abc/prod/GET/"})
    void invalidMethodArnsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MethodArn.parse(text));
    }

    @Test
    void resourcesAreBuiltFromTheRequestsOwnPartsAndTheJsonShapeIsApiGateways() {
        AuthorizerResponse response = PolicyBuilder.forRequest(REQUEST).principalId("alice")
                .allow("GET", "/books/*").deny("DELETE", "/books/*")
                .context("tier", "gold").context("level", 3).context("admin", false)
                .usageIdentifierKey("key-1").build();
        Map<String, Object> expected = Map.of(
                "principalId", "alice",
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(
                        Map.of("Action", "execute-api:Invoke", "Effect", "Allow",
                                "Resource", List.of("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/GET/books/*")),
                        Map.of("Action", "execute-api:Invoke", "Effect", "Deny",
                                "Resource", List.of("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/DELETE/books/*")))),
                "context", Map.of("tier", "gold", "level", 3, "admin", false),
                "usageIdentifierKey", "key-1");
        assertEquals(expected, response.toMap());
    }

    @Test
    void permitsFollowsIamWildcardsAndDenyWins() {
        AuthorizerResponse response = PolicyBuilder.forRequest(REQUEST).principalId("alice")
                .allow("GET", "/books/*").allow("*", "/admin/*").deny("*", "/admin/secrets").build();
        assertTrue(response.permits(request("GET/books/1")));
        assertTrue(response.permits(request("GET/books/1/reviews")));
        assertFalse(response.permits(request("GET/books")));
        assertFalse(response.permits(request("POST/books/1")));
        assertTrue(response.permits(request("PATCH/admin/users")));
        assertFalse(response.permits(request("GET/admin/secrets")));
        assertFalse(response.permits(request("GET/bookshelf")));
    }

    @Test
    void allowAllRoutesCoversTheWholeStageAndOnlyIt() {
        AuthorizerResponse response = PolicyBuilder.forRequest(REQUEST).principalId("alice").allowAllRoutes().build();
        assertEquals(List.of("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/*/*"), response.allowed());
        assertTrue(response.permits(request("DELETE/")));
        assertFalse(response.permits(MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/test/GET/books")));
    }

    @Test
    void aPolicyWithNoStatementDeniesEverythingExplicitly() {
        AuthorizerResponse response = PolicyBuilder.forRequest(REQUEST).principalId("alice").build();
        assertEquals(List.of("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/prod/*/*"), response.denied());
        assertFalse(response.permits(REQUEST));
        assertFalse(response.toMap().containsKey("context"));
        assertFalse(response.toMap().containsKey("usageIdentifierKey"));
    }

    @Test
    void resourceArnsStayWithinIamsLimit() {
        // parse() refuses such a methodArn (OddInputTest); the builder still guards its own callers.
        MethodArn longStage = new MethodArn("aws", "eu-west-1", "123456789012", "a1b2c3", "s".repeat(300), "GET", "/");
        assertThrows(MethodArn.OutOfLimitsException.class, () -> MethodArn.parse(
                "arn:aws:execute-api:eu-west-1:123456789012:a1b2c3/" + "s".repeat(300) + "/GET/"));
        assertThrows(IllegalArgumentException.class,
                () -> PolicyBuilder.forRequest(longStage).principalId("a").allow("GET", "/" + "p".repeat(200)));
    }

    @Test
    void principalIdIsRequired() {
        assertThrows(IllegalStateException.class, () -> PolicyBuilder.forRequest(REQUEST).allowAllRoutes().build());
    }
}
