package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ARNs of WebSocket $connect and HTTP API requests, and the policies built on them: every
 * resource names the request's own API and stage, and stays within IAM's 512 characters.
 */
class ApiKindPolicyTest {
    private static final String WEBSOCKET = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";
    private static final String HTTP_API_DEFAULT_STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/request";
    private static final String REST = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/42";

    @Test
    void aWebSocketConnectArnIsSplitIntoItsParts() {
        MethodArn arn = MethodArn.parse(WEBSOCKET);
        assertEquals(new MethodArn("aws", "us-east-1", "123456789012", "abcdef1234", "prod", null, "$connect"), arn);
        assertTrue(arn.isWebSocketRoute());
        assertEquals(WEBSOCKET, arn.requestResource());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*", arn.everyRoute());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/sendMessage", arn.resource(null, "sendMessage"));
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books", arn.resource("GET", "/books"));
    }

    @Test
    void aWebSocketStageMayBeDefault() {
        MethodArn arn = MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/$default/$connect");
        assertEquals("$default", arn.stage());
        assertEquals("$connect", arn.path());
    }

    @Test
    void anHttpApiRouteArnOnTheDefaultStageIsAVerbAndPath() {
        MethodArn arn = MethodArn.parse(HTTP_API_DEFAULT_STAGE);
        assertEquals(new MethodArn("aws", "us-east-1", "123456789012", "abcdef123", "$default", "GET", "/request"), arn);
        assertFalse(arn.isWebSocketRoute());
        AuthorizerResponse response = PolicyBuilder.forRequest(arn).principalId("alice").allow(Route.parse("ANY /request")).build();
        assertEquals(List.of("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/*/request"), response.allowed());
        assertTrue(response.permits(arn));
        assertEquals(List.of("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/*/*"),
                PolicyBuilder.forRequest(arn).principalId("alice").allowAllRoutes().build().allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Custom route keys never reach an authorizer (only $connect has one) and are not read as one.
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/sendMessage",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$CONNECT",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect/extra",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$conn*",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/*/$connect",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef*/prod/$connect",
            "arn:aws:execute-api:us-east-1:1234:abcdef1234/prod/$connect",
            "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$connect",
            "arn:aws:lambda:us-east-1:123456789012:abcdef1234/prod/$connect"})
    void malformedWebSocketArnsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MethodArn.parse(text));
    }

    @Test
    void aWebSocketArnBeyondApiGatewaysLimitsIsOutOfLimits() {
        assertThrows(MethodArn.OutOfLimitsException.class, () -> MethodArn.parse(
                "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/" + "s".repeat(129) + "/$connect"));
        assertThrows(MethodArn.OutOfLimitsException.class, () -> MethodArn.parse(
                "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$" + "c".repeat(16)));
    }

    @Test
    void aRestPathThatIsLiterallyConnectIsAVerbAndPath() {
        MethodArn arn = MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/$connect");
        assertFalse(arn.isWebSocketRoute());
        assertEquals("GET", arn.verb());
        assertEquals("/$connect", arn.path());
        // A rule for the WebSocket route does not grant the REST path of the same name, nor the reverse.
        assertFalse(PolicyBuilder.forRequest(arn).principalId("a").allow(Route.parse("$connect")).build().permits(arn));
        MethodArn webSocket = MethodArn.parse(WEBSOCKET);
        assertFalse(PolicyBuilder.forRequest(webSocket).principalId("a").allow(Route.parse("GET /$connect")).build()
                .permits(webSocket));
    }

    @Test
    void aConnectRuleAllowsTheConnectionAndNothingElse() {
        MethodArn arn = MethodArn.parse(WEBSOCKET);
        AuthorizerResponse response = PolicyBuilder.forRequest(arn).principalId("alice").allow(Route.parse("$connect")).build();
        assertEquals(List.of(WEBSOCKET), response.allowed());
        assertTrue(response.permits(arn));
        MethodArn otherStage = MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/test/$connect");
        assertFalse(response.permits(otherStage));
    }

    @Test
    void verbAndPathRulesDoNotGrantAWebSocketConnection() {
        MethodArn arn = MethodArn.parse(WEBSOCKET);
        // "ANY /*" is every verb and path: IAM's */* needs a slash that a route key does not have.
        AuthorizerResponse response = PolicyBuilder.forRequest(arn).principalId("alice")
                .allow(Route.parse("ANY /*")).allow(Route.parse("GET /books/*")).build();
        assertFalse(response.permits(arn));
        assertFalse(PolicyBuilder.forRequest(arn).principalId("alice").allow(Route.parse("sendMessage")).build().permits(arn));
    }

    @Test
    void aDenyOfConnectWinsOverAllowAllRoutes() {
        MethodArn arn = MethodArn.parse(WEBSOCKET);
        AuthorizerResponse response = PolicyBuilder.forRequest(arn).principalId("alice")
                .allowAllRoutes().deny(Route.webSocket("$connect")).build();
        assertFalse(response.permits(arn));
    }

    @Test
    void allowAllRoutesCoversItsOwnKindsRequestsOnTheStage() {
        MethodArn webSocket = MethodArn.parse(WEBSOCKET);
        AuthorizerResponse onWebSocket = PolicyBuilder.forRequest(webSocket).principalId("alice").allowAllRoutes().build();
        assertEquals(List.of("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*"), onWebSocket.allowed());
        assertTrue(onWebSocket.permits(webSocket));

        MethodArn rest = MethodArn.parse(REST);
        AuthorizerResponse onRest = PolicyBuilder.forRequest(rest).principalId("alice").allowAllRoutes().build();
        assertEquals(List.of("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*/*"), onRest.allowed());
        assertTrue(onRest.permits(rest));
        // A REST stage-wide grant is */*, which a WebSocket route key (no slash) does not match.
        assertFalse(onRest.permits(webSocket));

        // A policy with no statement denies the whole stage explicitly, in the stage's own shape.
        assertEquals(List.of("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*"),
                PolicyBuilder.forRequest(webSocket).principalId("alice").build().denied());
    }

    /** The longest parts API Gateway could send (with room for partitions and regions to come). */
    private static String longest(String resource) {
        return "arn:" + "aws-" + "x".repeat(MethodArn.MAX_PARTITION_LENGTH - 4) + ":execute-api:"
                + "r".repeat(MethodArn.MAX_REGION_LENGTH) + ":123456789012:" + "a".repeat(MethodArn.MAX_API_ID_LENGTH)
                + "/" + "s".repeat(MethodArn.MAX_STAGE_LENGTH) + "/" + resource;
    }

    @Test
    void everyResourceStaysWithinIamsLimitAtApiGatewaysLimitsForEveryKind() {
        List<MethodArn> requests = List.of(MethodArn.parse(longest("$connect")),
                MethodArn.parse(longest("OPTIONS/" + "p".repeat(200))));
        List<Route> longestRoutes = List.of(Route.webSocket("k".repeat(128)),
                new Route("OPTIONS", "/" + "p".repeat(Route.MAX_PATH_LENGTH - 1)),
                new Route("ANY", "/" + "*".repeat(Route.MAX_PATH_LENGTH - 1)));
        for (MethodArn request : requests) {
            PolicyBuilder builder = PolicyBuilder.forRequest(request).principalId("alice").allowAllRoutes();
            longestRoutes.forEach(builder::allow);
            longestRoutes.forEach(builder::deny);
            AuthorizerResponse response = builder.build();
            List<String> resources = new ArrayList<>(response.allowed());
            resources.addAll(response.denied());
            assertEquals(7, resources.size());
            for (String resource : resources) {
                assertTrue(resource.length() <= MethodArn.MAX_RESOURCE_LENGTH, resource.length() + ": " + resource);
            }
        }
    }
}
