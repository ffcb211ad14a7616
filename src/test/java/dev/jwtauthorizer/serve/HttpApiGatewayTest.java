package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Cors;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template's HTTP API (payload 2.0, simple responses, stage $default) served locally, over real HTTP. */
class HttpApiGatewayTest {
    static final String READER = GatewayFixture.token("books:read");
    static final String BEARER = "Bearer " + READER;

    static ApiSpec booksHttpApi(Payload payload, boolean simple, List<String> identitySources) {
        AuthorizerSpec authorizer = new AuthorizerSpec("JwtAuthorizer", payload, identitySources, null, 300, simple);
        List<RouteSpec> routes = List.of(new RouteSpec("GET", "/books", "JwtAuthorizer"),
                new RouteSpec("GET", "/books/{id}", "JwtAuthorizer"), new RouteSpec("POST", "/books", "JwtAuthorizer"));
        Cors cors = new Cors("*", List.of("authorization", "content-type"), List.of("GET", "POST", "OPTIONS"), 600);
        return new ApiSpec("BooksHttpApi", ApiType.HTTP, "$default", Map.of("JwtAuthorizer", authorizer), routes, cors, Map.of());
    }

    static ApiSpec simpleApi(boolean routeKeyIsIdentitySource) {
        return booksHttpApi(Payload.V2, true, routeKeyIsIdentitySource
                ? List.of("header:Authorization", "context:routeKey") : List.of("header:Authorization"));
    }

    private static GatewayFixture gateway() throws IOException {
        return new GatewayFixture(simpleApi(true), GatewayFixture.realHandler(), null);
    }

    @Test
    void allowedRequestReachesTheEchoWithTheLambdaContext() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/books/42", "Authorization", BEARER);

            assertEquals(200, response.status());
            assertEquals("GET /books/{id}", response.body().get("route").asText());
            assertEquals("alice", response.body().at("/authorizer/lambda/principalId").asText());
            assertEquals("books:read", response.body().at("/authorizer/lambda/scope").asText());
            assertEquals("alice", gateway.lastAccessLine().get("principal").asText());
        }
    }

    @Test
    void eventIsPayload2BuiltFromTheRealRequest() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            gateway.get("/books/42?a=1&b=x%20y&a=2", "Authorization", BEARER, "X-Custom", "v",
                    "Cookie", "theme=dark; lang=en");

            Map<String, Object> event = gateway.handler.events.get(0);
            assertEquals("2.0", event.get("version"));
            assertEquals("REQUEST", event.get("type"));
            assertEquals("arn:aws:execute-api:us-east-1:123456789012:BooksHttpApi/$default/GET/books/42", event.get("routeArn"));
            assertEquals("GET /books/{id}", event.get("routeKey"));
            assertEquals("/books/42", event.get("rawPath"));
            assertEquals("a=1&b=x%20y&a=2", event.get("rawQueryString"));
            assertEquals(Map.of("a", "1,2", "b", "x y"), event.get("queryStringParameters"));
            assertEquals(List.of("theme=dark", "lang=en"), event.get("cookies"));
            assertEquals(List.of(BEARER, "GET /books/{id}"), event.get("identitySource"));
            assertEquals(Map.of("id", "42"), event.get("pathParameters"));
            Map<?, ?> headers = (Map<?, ?>) event.get("headers");
            assertEquals(BEARER, headers.get("authorization"));
            assertEquals("v", headers.get("x-custom"));
            assertFalse(headers.containsKey("cookie"));
            assertTrue(headers.keySet().stream().allMatch(name -> name.equals(((String) name).toLowerCase())));
            Map<?, ?> http = (Map<?, ?>) ((Map<?, ?>) event.get("requestContext")).get("http");
            assertEquals("GET", http.get("method"));
            assertEquals("/books/42", http.get("path"));
        }
    }

    @Test
    void refusedSimpleAnswerIs403Forbidden() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.send("POST", "/books", "Authorization", BEARER);

            assertEquals(403, response.status());
            assertEquals("{\"message\":\"Forbidden\"}", response.raw().body());
        }
    }

    @Test
    void badTokenIs401() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/books", "Authorization", "Bearer not.a.token");

            assertEquals(401, response.status());
            assertEquals("{\"message\":\"Unauthorized\"}", response.raw().body());
            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void policyWhereSimpleResponsesAreExpectedIs500() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(simpleApi(true),
                GatewayFixture.realHandler("JWT_HTTP_API_RESPONSE", "policy"), null)) {
            GatewayFixture.Response response = gateway.get("/books", "Authorization", BEARER);

            assertEquals(500, response.status());
            assertEquals("{\"message\":\"Internal Server Error\"}", response.raw().body());
        }
    }

    @Test
    void missingIdentitySourceIs401WithoutCallingTheAuthorizer() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/books", "Authorization", "");

            assertEquals(401, response.status());
            assertEquals(401, gateway.get("/books").status());
            assertEquals(0, gateway.handler.calls());
            assertEquals("none", gateway.lastAccessLine().get("cache").asText());
        }
    }

    @Test
    void simpleAnswerIsCachedPerRouteWhenTheRouteKeyIsAnIdentitySource() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(simpleApi(true), GatewayFixture.realHandler(), null)) {
            assertEquals(200, gateway.get("/books", "Authorization", BEARER).status());
            assertEquals(403, gateway.send("POST", "/books", "Authorization", BEARER).status());
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText());
            assertEquals(200, gateway.get("/books", "Authorization", BEARER).status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText());

            assertEquals(2, gateway.handler.calls());
        }
    }

    @Test
    void simpleAnswerIsReusedOnOtherRoutesWithoutTheRouteKey() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(simpleApi(false), GatewayFixture.realHandler(), null)) {
            assertEquals(200, gateway.get("/books", "Authorization", BEARER).status());
            // The production surprise: isAuthorized true for GET /books, reused for POST /books.
            assertEquals(200, gateway.send("POST", "/books", "Authorization", BEARER).status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText());

            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void preflightIsAnsweredWithoutTheAuthorizer() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.send("OPTIONS", "/books", "Origin", "https://app.example.com",
                    "Access-Control-Request-Method", "POST");

            assertEquals(204, response.status());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            assertEquals("GET,POST,OPTIONS", response.header("Access-Control-Allow-Methods"));
            assertEquals("authorization,content-type", response.header("Access-Control-Allow-Headers"));
            assertEquals("600", response.header("Access-Control-Max-Age"));
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void corsHeadersAreOnA401ForABrowser() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response fromBrowser = gateway.get("/books", "Origin", "https://app.example.com");
            GatewayFixture.Response fromCurl = gateway.get("/books");

            assertEquals(401, fromBrowser.status());
            assertEquals("*", fromBrowser.header("Access-Control-Allow-Origin"));
            assertNull(fromCurl.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void payload1IsTheRequestShapeAnsweredWithAPolicy() throws IOException {
        ApiSpec api = booksHttpApi(Payload.V1, false, List.of("header:Authorization"));
        try (GatewayFixture gateway = new GatewayFixture(api, GatewayFixture.realHandler(), null)) {
            GatewayFixture.Response allowed = gateway.get("/books/7", "Authorization", BEARER);
            assertEquals(200, allowed.status());
            assertEquals("books:read", allowed.body().at("/authorizer/lambda/scope").asText());
            Map<String, Object> event = gateway.handler.events.get(0);
            assertEquals("1.0", event.get("version"));
            assertEquals("arn:aws:execute-api:us-east-1:123456789012:BooksHttpApi/$default/GET/books/7", event.get("methodArn"));
            assertEquals(BEARER, ((Map<?, ?>) event.get("headers")).get("authorization"));
            assertEquals(BEARER, event.get("identitySource"));

            // The cached policy lists every route the token may call: POST is not among them.
            GatewayFixture.Response forbidden = gateway.send("POST", "/books", "Authorization", BEARER);
            assertEquals(403, forbidden.status());
            assertEquals("{\"message\":\"Forbidden\"}", forbidden.raw().body());
            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void unknownRouteIs404() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/authors", "Authorization", BEARER);

            assertEquals(404, response.status());
            assertEquals("{\"message\":\"Not Found\"}", response.raw().body());
        }
    }
}
