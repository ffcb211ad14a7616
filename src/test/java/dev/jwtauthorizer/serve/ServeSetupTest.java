package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command's choices before any request: where it listens, which API, what it says at start. */
class ServeSetupTest {
    @Test
    void nonLoopbackAddressIsRefusedUnlessGivenExplicitly() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BindAddress.of("0.0.0.0", false));
        assertTrue(refused.getMessage().contains("--host"), refused.getMessage());

        assertEquals("0.0.0.0", BindAddress.of("0.0.0.0", true).address().getHostAddress());
        assertTrue(BindAddress.of("localhost", false).isLoopback());
    }

    @Test
    void withoutHostTheGatewayListensOnLoopbackOnly() throws IOException {
        ServeOptions options = ServeOptions.parse(List.of("--port", "0"));
        try (GatewayFixture gateway = new GatewayFixture(ApiSelection.defaultApi(300), GatewayFixture.realHandler(), null)) {
            assertTrue(options.bindAddress().isLoopback());
            assertEquals("127.0.0.1", gateway.gateway.baseUri().getHost());
        }
    }

    @Test
    void optionsAreCheckedBeforeAnythingStarts() {
        ServeOptions options = ServeOptions.parse(List.of("--port", "8080", "--ttl", "0", "--upstream", "http://127.0.0.1:9000",
                "--env-vars", "env.json", "--host", "0.0.0.0"));
        assertEquals(8080, options.port());
        assertEquals(0, options.ttl());
        assertEquals("0.0.0.0", options.host());
        for (List<String> wrong : List.of(List.of("--port", "70000"), List.of("--ttl", "3601"), List.of("--upstream", "ftp://x"),
                List.of("--api", "BooksApi"), List.of("--port"), List.of("extra"), List.of("--verbose", "1"))) {
            assertThrows(IllegalArgumentException.class, () -> ServeOptions.parse(wrong), wrong.toString());
        }
    }

    @Test
    void defaultApiProtectsEveryPathOfStageProd() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(ApiSelection.defaultApi(300), GatewayFixture.realHandler(), null)) {
            String bearer = "Bearer " + GatewayFixture.token("books:read");
            GatewayFixture.Response deep = gateway.get("/prod/books/1", "Authorization", bearer);
            assertEquals(200, deep.status());
            assertEquals("ANY /{proxy+}", deep.body().get("route").asText());
            assertEquals(403, gateway.send("DELETE", "/prod/books/1", "Authorization", bearer).status());
            assertEquals(401, gateway.get("/prod/anything").status());
            GatewayFixture.Response root = gateway.get("/prod", "Authorization", bearer);
            assertEquals(403, root.status(), "the rules grant no route at the root");
            assertEquals(1, gateway.handler.calls(), "one token, one call: the cached policy answers the rest");
        }
    }

    @Test
    void pickTakesTheNamedApiOrTheFirstRestApi() {
        ApiSpec rest = RestApiGatewayTest.booksApi(300);
        ApiSpec http = HttpApiGatewayTest.simpleApi(true);

        assertEquals("BooksApi", ApiSelection.pick(List.of(http, rest), null).name());
        assertEquals("BooksHttpApi", ApiSelection.pick(List.of(http, rest), "BooksHttpApi").name());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ApiSelection.pick(List.of(http, rest), "Nope"));
        assertTrue(unknown.getMessage().contains("BooksHttpApi, BooksApi"), unknown.getMessage());
        assertEquals(0, ApiSelection.withTtl(rest, 0).authorizers().get("JwtAuthorizer").ttlSeconds());
    }

    @Test
    void startLineNamesTheUrlTheApiItsRoutesAndAuthorizers() throws IOException {
        try (GatewayFixture gateway = new GatewayFixture(RestApiGatewayTest.booksApi(300), GatewayFixture.realHandler(), null)) {
            String line = ServeBanner.listening(gateway.gateway.baseUri(), RestApiGatewayTest.booksApi(300));

            assertTrue(line.contains("http://127.0.0.1:" + gateway.gateway.port() + "/prod"), line);
            assertTrue(line.contains("REST API BooksApi"), line);
            assertTrue(line.contains("GET /books/{id} -> JwtAuthorizer"), line);
            assertTrue(line.contains("GET /health (no authorizer)"), line);
            assertTrue(line.contains("JwtAuthorizer (TOKEN, identity sources header:Authorization, validation expression"), line);
            assertTrue(line.contains("cache 300 s"), line);
            assertEquals(1, line.lines().count());
        }
    }

    @Test
    void warnsWhenCachedSimpleResponsesAreSharedBetweenRoutesThatRulesTellApart() {
        Map<String, String> rules = Map.of("JWT_RULES", GatewayFixture.RULES);

        assertTrue(ServeBanner.cacheWarning(HttpApiGatewayTest.simpleApi(false), rules).orElseThrow().contains("$context.routeKey"));
        assertTrue(ServeBanner.cacheWarning(HttpApiGatewayTest.simpleApi(true), rules).isEmpty());
        assertTrue(ServeBanner.cacheWarning(HttpApiGatewayTest.simpleApi(false), Map.of()).isEmpty());
        assertTrue(ServeBanner.cacheWarning(ApiSelection.withTtl(HttpApiGatewayTest.simpleApi(false), 0), rules).isEmpty());
        assertTrue(ServeBanner.cacheWarning(RestApiGatewayTest.booksApi(300), rules).isEmpty());
    }

    @Test
    void warnsWhenOneCachedRouteKeyCoversSeveralVerbsOrPathsUnlessTheVerbAndPathAreInTheKey() {
        Map<String, String> rules = Map.of("JWT_RULES", GatewayFixture.RULES);
        AuthorizerSpec byRoute = new AuthorizerSpec("JwtAuthorizer", Payload.V2, List.of("header:Authorization", "context:routeKey"), null, 300, true);
        AuthorizerSpec byRequest = new AuthorizerSpec("JwtAuthorizer", Payload.V2,
                List.of("header:Authorization", "context:httpMethod", "context:path"), null, 300, true);
        for (RouteSpec broad : List.of(new RouteSpec("ANY", "/{proxy+}", "JwtAuthorizer"), new RouteSpec("$default", "", "JwtAuthorizer"),
                new RouteSpec("GET", "/books/{proxy+}", "JwtAuthorizer"), new RouteSpec("ANY", "/books", "JwtAuthorizer"))) {
            String warning = ServeBanner.cacheWarning(httpApi(byRoute, broad), rules).orElseThrow(() -> new AssertionError(broad.toString()));
            assertTrue(warning.contains("$context.httpMethod and $context.path"), warning);
            assertTrue(ServeBanner.cacheWarning(httpApi(byRequest, broad), rules).isEmpty(), broad.toString());
        }
        assertTrue(ServeBanner.cacheWarning(httpApi(byRoute, new RouteSpec("GET", "/books/{id}", "JwtAuthorizer")), rules).isEmpty());
        assertTrue(ServeBanner.cacheWarning(httpApi(byRoute, new RouteSpec("ANY", "/{proxy+}", null)), rules).isEmpty());
    }

    @Test
    void warnsWhenAPathParameterIsOneRouteKeyForValuesTheRulesTellApart() {
        AuthorizerSpec byRoute = new AuthorizerSpec("JwtAuthorizer", Payload.V2, List.of("header:Authorization", "context:routeKey"), null, 300, true);
        AuthorizerSpec byRequest = new AuthorizerSpec("JwtAuthorizer", Payload.V2,
                List.of("header:Authorization", "context:httpMethod", "context:path"), null, 300, true);
        RouteSpec book = new RouteSpec("GET", "/books/{id}", "JwtAuthorizer");
        for (String tenants : List.of("[\"GET /books/acme\"]", "[\"GET /books/a*\"]", "[\"* /books/acme\"]", "[\"GET /*/acme\"]")) {
            Map<String, String> rules = Map.of("JWT_RULES", "[{\"claim\":\"tenant\",\"value\":\"acme\",\"allow\":" + tenants + "}]");
            String warning = ServeBanner.cacheWarning(httpApi(byRoute, book), rules).orElseThrow(() -> new AssertionError(tenants));
            assertTrue(warning.contains("{id} when the rules name ids"), warning);
            assertTrue(ServeBanner.cacheWarning(httpApi(byRequest, book), rules).isEmpty(), tenants);
        }
        // Rules that grant every id alike, or name another verb or path, need no more than the route key.
        for (String alike : List.of("[\"GET /books/*\"]", "[\"GET /books*\"]", "[\"POST /books/acme\"]", "[\"GET /authors/acme\"]")) {
            Map<String, String> rules = Map.of("JWT_RULES", "[{\"claim\":\"tenant\",\"value\":\"acme\",\"allow\":" + alike + "}]");
            assertTrue(ServeBanner.cacheWarning(httpApi(byRoute, book), rules).isEmpty(), alike);
        }
        // Rules in a file are not read here: warned, to be safe.
        assertTrue(ServeBanner.cacheWarning(httpApi(byRoute, book), Map.of("JWT_RULES_FILE", "rules.json")).isPresent());
    }

    private static ApiSpec httpApi(AuthorizerSpec authorizer, RouteSpec route) {
        return new ApiSpec("Api", ApiType.HTTP, "$default", Map.of(authorizer.name(), authorizer), List.of(route), null, Map.of());
    }
}
