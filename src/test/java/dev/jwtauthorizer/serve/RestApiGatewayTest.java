package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Cors;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The REST API of the template (TOKEN authorizer, stage prod) served locally, over real HTTP. */
class RestApiGatewayTest {
    static final String VALIDATION = "^[Bb][Ee][Aa][Rr][Ee][Rr] [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$";
    static final String READER = GatewayFixture.token("books:read");

    static ApiSpec booksApi(int ttl) {
        AuthorizerSpec authorizer = new AuthorizerSpec("JwtAuthorizer", Payload.TOKEN, List.of("header:Authorization"),
                VALIDATION, ttl, false);
        List<RouteSpec> routes = List.of(new RouteSpec("GET", "/books", "JwtAuthorizer"),
                new RouteSpec("GET", "/books/{id}", "JwtAuthorizer"), new RouteSpec("POST", "/books", "JwtAuthorizer"),
                new RouteSpec("GET", "/health", null));
        Cors cors = new Cors("'*'", List.of("Authorization", "Content-Type"), List.of("GET", "POST", "OPTIONS"), 600);
        Map<Integer, Map<String, String>> gatewayHeaders = Map.of(
                401, Map.of("Access-Control-Allow-Origin", "'*'", "WWW-Authenticate", "'Bearer'"),
                403, Map.of("Access-Control-Allow-Origin", "'*'"),
                500, Map.of("Access-Control-Allow-Origin", "'*'"));
        return new ApiSpec("BooksApi", ApiType.REST, "prod", Map.of("JwtAuthorizer", authorizer), routes, cors, gatewayHeaders);
    }

    private static GatewayFixture gateway() throws IOException {
        return new GatewayFixture(booksApi(300), GatewayFixture.realHandler(), null);
    }

    @Test
    void allowedRequestReachesTheEchoWithPrincipalAndContext() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/prod/books/42", "Authorization", "Bearer " + READER);

            assertEquals(200, response.status());
            assertEquals("GET", response.body().get("method").asText());
            assertEquals("/books/42", response.body().get("path").asText());
            assertEquals("GET /books/{id}", response.body().get("route").asText());
            assertEquals("alice", response.body().at("/authorizer/principalId").asText());
            assertEquals("books:read", response.body().at("/authorizer/scope").asText());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            Map<String, Object> event = gateway.handler.events.get(0);
            assertEquals(Map.of("type", "TOKEN", "authorizationToken", "Bearer " + READER,
                    "methodArn", "arn:aws:execute-api:us-east-1:123456789012:BooksApi/prod/GET/books/42"), event);
        }
    }

    @Test
    void tokenTheAuthorizerRefusesIs401WithTheGatewayResponseHeaders() throws IOException {
        String forged = Tokens.claims().withKeyId("rsa-1").withClaim("scope", "books:read").sign(Tokens.algorithm("RS256", TestKeys.RSA_2));
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/prod/books", "Authorization", "Bearer " + forged);

            assertEquals(401, response.status());
            assertEquals("{\"message\":\"Unauthorized\"}", response.raw().body());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            assertEquals("Bearer", response.header("WWW-Authenticate"));
            assertEquals("UnauthorizedException", response.header("x-amzn-ErrorType"));
            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void routeTheClaimsDoNotGrantIs403() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.send("POST", "/prod/books", "Authorization", "Bearer " + READER);

            assertEquals(403, response.status());
            assertEquals("{\"Message\":\"User is not authorized to access this resource\"}", response.raw().body());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void explicitDenyWinsOverAnAllowAndSaysSo() throws IOException {
        Map<String, Object> answer = Map.of("principalId", "alice", "policyDocument", Map.of("Version", "2012-10-17",
                "Statement", List.of(
                        Map.of("Effect", "Allow", "Action", "execute-api:Invoke", "Resource", "arn:aws:execute-api:*:*:*/prod/*"),
                        Map.of("Effect", "Deny", "Action", "execute-api:*", "Resource", "arn:aws:execute-api:*:*:*/prod/GET/books/1?"))));
        try (GatewayFixture gateway = new GatewayFixture(booksApi(0), (event, context) -> answer, null)) {
            assertEquals(200, gateway.get("/prod/books/1", "Authorization", "Bearer " + READER).status());
            GatewayFixture.Response denied = gateway.get("/prod/books/12", "Authorization", "Bearer " + READER);

            assertEquals(403, denied.status());
            assertEquals("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}", denied.raw().body());
        }
    }

    @Test
    void authorizerFailureIs500WithANullMessage() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(booksApi(300), (event, context) -> {
            throw new AuthorizerFailureException(Reason.KEY_SET_UNAVAILABLE);
        }, null)) {
            GatewayFixture.Response response = gateway.get("/prod/books", "Authorization", "Bearer " + READER);

            assertEquals(500, response.status());
            assertEquals("{\"message\":null}", response.raw().body());
            assertEquals("AuthorizerConfigurationException", response.header("x-amzn-ErrorType"));
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText());
            // A failure is not cached: the next request calls again.
            gateway.get("/prod/books", "Authorization", "Bearer " + READER);
            assertEquals(2, gateway.handler.calls());
        }
    }

    @Test
    void missingAuthorizationHeaderIs401WithoutCallingTheAuthorizer() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/prod/books");

            assertEquals(401, response.status());
            assertEquals("{\"message\":\"Unauthorized\"}", response.raw().body());
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void tokenFailingTheValidationExpressionIs401WithoutCallingTheAuthorizer() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            assertEquals(401, gateway.get("/prod/books", "Authorization", READER).status());
            assertEquals(401, gateway.get("/prod/books", "Authorization", "Basic YWxpY2U6c2VjcmV0").status());
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void unknownRouteOrStageIsMissingAuthenticationToken() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            for (String path : List.of("/prod/authors", "/dev/books", "/books")) {
                GatewayFixture.Response response = gateway.get(path, "Authorization", "Bearer " + READER);
                assertEquals(403, response.status(), path);
                assertEquals("{\"message\":\"Missing Authentication Token\"}", response.raw().body(), path);
            }
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void unprotectedRouteNeedsNoToken() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.get("/prod/health");

            assertEquals(200, response.status());
            assertTrue(response.body().get("authorizer").isNull());
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void cachedPolicyIsAppliedToTheNextRoutes() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            String bearer = "Bearer " + READER;
            assertEquals(200, gateway.get("/prod/books", "Authorization", bearer).status());
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText());
            assertEquals(200, gateway.get("/prod/books/7", "Authorization", bearer).status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText());
            assertEquals(403, gateway.send("POST", "/prod/books", "Authorization", bearer).status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText());

            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void cachedPolicyForOneRouteOnlyIs403OnTheNext() throws IOException {
        // A policy that is not cache-safe: an Allow for the requested methodArn and nothing else.
        try (GatewayFixture gateway = new GatewayFixture(booksApi(300), (event, context) -> Map.of("principalId", "alice",
                "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
                        "Action", "execute-api:Invoke", "Resource", event.get("methodArn"))))), null)) {
            assertEquals(200, gateway.get("/prod/books", "Authorization", "Bearer " + READER).status());
            GatewayFixture.Response next = gateway.get("/prod/books/7", "Authorization", "Bearer " + READER);

            assertEquals(403, next.status());
            assertEquals("hit", gateway.lastAccessLine().get("cache").asText());
            assertEquals(1, gateway.handler.calls());
        }
    }

    @Test
    void cachedAnswerExpiresAfterTheTtl() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            String bearer = "Bearer " + READER;
            gateway.get("/prod/books", "Authorization", bearer);
            gateway.clock.advance(Duration.ofSeconds(299));
            gateway.get("/prod/books", "Authorization", bearer);
            assertEquals(1, gateway.handler.calls());

            gateway.clock.advance(Duration.ofSeconds(1));
            gateway.get("/prod/books", "Authorization", bearer);
            assertEquals("miss", gateway.lastAccessLine().get("cache").asText());
            assertEquals(2, gateway.handler.calls());
        }
    }

    @Test
    void ttlZeroCallsTheAuthorizerEveryTime() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(booksApi(0), GatewayFixture.realHandler(), null)) {
            gateway.get("/prod/books", "Authorization", "Bearer " + READER);
            gateway.get("/prod/books", "Authorization", "Bearer " + READER);

            assertEquals(2, gateway.handler.calls());
            assertEquals("none", gateway.lastAccessLine().get("cache").asText());
        }
    }

    @Test
    void preflightIsAnsweredWithoutTheAuthorizer() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            GatewayFixture.Response response = gateway.send("OPTIONS", "/prod/books", "Origin", "https://app.example.com",
                    "Access-Control-Request-Method", "POST");

            assertEquals(200, response.status());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            assertEquals("GET,POST,OPTIONS", response.header("Access-Control-Allow-Methods"));
            assertEquals("Authorization,Content-Type", response.header("Access-Control-Allow-Headers"));
            assertEquals("600", response.header("Access-Control-Max-Age"));
            assertEquals(0, gateway.handler.calls());
        }
    }

    @Test
    void accessLineNamesTheRequestButNotItsQueryOrToken() throws IOException {
        try (GatewayFixture gateway = gateway()) {
            gateway.get("/prod/books?session=s3cr3t", "Authorization", "Bearer " + READER);

            JsonNode line = gateway.lastAccessLine();
            assertEquals("access", line.get("event").asText());
            assertEquals("GET", line.get("method").asText());
            assertEquals("/prod/books", line.get("path").asText());
            assertEquals(200, line.get("status").asInt());
            assertEquals("miss", line.get("cache").asText());
            assertEquals("alice", line.get("principal").asText());
            assertTrue(line.get("millis").isIntegralNumber());
            String text = gateway.accessLines.get(0);
            assertFalse(text.contains("s3cr3t") || text.contains(READER), text);
        }
    }

    @Test
    void upstreamGetsTheRequestAndItsAnswerGoesBack() throws IOException {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body + " "
                    + exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer "));
            byte[] answer = "{\"id\":99}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Upstream", "books");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        String writer = GatewayFixture.token("books:write");
        URI url = URI.create("http://127.0.0.1:" + upstream.getAddress().getPort() + "/api");
        try (GatewayFixture gateway = new GatewayFixture(booksApi(300), GatewayFixture.realHandler(), url)) {
            GatewayFixture.Response response = gateway.sendWithBody("POST", "/prod/books?draft=1", "{\"title\":\"Dune\"}",
                    "Authorization", "Bearer " + writer);

            assertEquals(201, response.status());
            assertEquals("{\"id\":99}", response.raw().body());
            assertEquals("books", response.header("X-Upstream"));
            assertEquals("POST /api/books?draft=1 {\"title\":\"Dune\"} true", seen.get());
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void unreachableUpstreamIs502() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (GatewayFixture gateway = new GatewayFixture(booksApi(300), GatewayFixture.realHandler(),
                URI.create("http://127.0.0.1:" + closedPort))) {
            GatewayFixture.Response response = gateway.get("/prod/books", "Authorization", "Bearer " + READER);

            assertEquals(502, response.status());
            assertEquals("{\"message\":\"Internal server error\"}", response.raw().body());
        }
    }

    @Test
    void requestAuthorizerGetsTheRequestAndIsCachedByItsIdentitySources() throws IOException {
        AuthorizerSpec request = new AuthorizerSpec("Cookies", Payload.REQUEST, List.of("header:Cookie", "query:tenant"),
                null, 300, false);
        ApiSpec api = new ApiSpec("BooksApi", ApiType.REST, "prod", Map.of("Cookies", request),
                List.of(new RouteSpec("ANY", "/{proxy+}", "Cookies")), null, Map.of());
        try (GatewayFixture gateway = new GatewayFixture(api,
                GatewayFixture.realHandler("JWT_TOKEN_SOURCES", "cookie:access_token"), null)) {
            assertEquals(401, gateway.get("/prod/books?tenant=a").status());
            assertEquals(401, gateway.get("/prod/books", "Cookie", "access_token=" + READER).status());
            assertEquals(0, gateway.handler.calls(), "a missing identity source is refused before any call");
            assertEquals(401, gateway.get("/prod/books?tenant=a", "Cookie", "other=1").status());
            assertEquals(1, gateway.handler.calls(), "identity sources present but no token in them: the authorizer's 401");

            GatewayFixture.Response allowed = gateway.get("/prod/books/1?tenant=a&tenant=b", "Cookie", "access_token=" + READER,
                    "X-Trace", "one");
            assertEquals(200, allowed.status());
            Map<String, Object> event = gateway.handler.events.get(gateway.handler.calls() - 1);
            assertEquals("REQUEST", event.get("type"));
            assertNull(event.get("version"));
            assertEquals("arn:aws:execute-api:us-east-1:123456789012:BooksApi/prod/GET/books/1", event.get("methodArn"));
            assertEquals("/{proxy+}", event.get("resource"));
            assertEquals("/books/1", event.get("path"));
            assertEquals(Map.of("proxy", "books/1"), event.get("pathParameters"));
            assertEquals("b", ((Map<?, ?>) event.get("queryStringParameters")).get("tenant"));
            assertEquals(List.of("a", "b"), ((Map<?, ?>) event.get("multiValueQueryStringParameters")).get("tenant"));
            assertEquals(List.of("one"), ((Map<?, ?>) event.get("multiValueHeaders")).get("X-trace"));

            int calls = gateway.handler.calls();
            gateway.get("/prod/authors?tenant=c", "Cookie", "access_token=" + READER, "X-Trace", "two");
            assertEquals(calls + 1, gateway.handler.calls(), "other identity source values: another cache entry");
            gateway.get("/prod/books?tenant=c", "Cookie", "access_token=" + READER, "X-Trace", "three");
            assertEquals(calls + 1, gateway.handler.calls(), "the same values: the cached policy");
        }
    }
}
