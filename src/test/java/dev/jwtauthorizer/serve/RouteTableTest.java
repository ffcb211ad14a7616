package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.RouteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static RouteTable table(ApiType type, String stage, RouteSpec... routes) {
        return new RouteTable(new ApiSpec("api", type, stage, Map.of(), List.of(routes), null, Map.of()));
    }

    @Test
    void mostSpecificPathWinsThenTheExactMethod() {
        RouteTable routes = table(ApiType.REST, "prod",
                new RouteSpec("ANY", "/{proxy+}", null), new RouteSpec("GET", "/books/{id}", null),
                new RouteSpec("ANY", "/books/featured", null), new RouteSpec("GET", "/books/featured", null));

        assertEquals("GET /books/{id}", routes.match("GET", "/prod/books/42").routeKey());
        assertEquals("GET /books/featured", routes.match("GET", "/prod/books/featured").routeKey());
        assertEquals("ANY /books/featured", routes.match("DELETE", "/prod/books/featured").routeKey());
        assertEquals("ANY /{proxy+}", routes.match("GET", "/prod/books/42/reviews").routeKey());
        assertEquals(Map.of("proxy", "books/42/reviews"), routes.match("GET", "/prod/books/42/reviews").pathParameters());
        assertEquals(Map.of("id", "42"), routes.match("GET", "/prod/books/42").pathParameters());
    }

    @Test
    void restPathsStartWithTheStage() {
        RouteTable routes = table(ApiType.REST, "prod", new RouteSpec("GET", "/books", null));

        assertEquals("/books", routes.match("GET", "/prod/books").path());
        assertNull(routes.match("GET", "/books"));
        assertNull(routes.match("GET", "/production/books"));
        assertNull(routes.match("POST", "/prod/books"));
    }

    @Test
    void greedyParameterNeedsOneSegment() {
        RouteTable routes = table(ApiType.REST, "prod", new RouteSpec("ANY", "/{proxy+}", null));

        assertNull(routes.match("GET", "/prod"));
        assertNull(routes.match("GET", "/prod/"));
        assertEquals("/x", routes.match("GET", "/prod/x").path());
    }

    @Test
    void httpApiDefaultStageHasNoPrefixAndDefaultRouteTakesTheRest() {
        RouteTable routes = table(ApiType.HTTP, "$default",
                new RouteSpec("GET", "/books", null), new RouteSpec("ANY", "$default", null));

        assertEquals("GET /books", routes.match("GET", "/books").routeKey());
        assertEquals("$default", routes.match("POST", "/books").routeKey());
        assertEquals("$default", routes.match("GET", "/anything/else").routeKey());
    }

    @Test
    void httpApiNamedStageIsInThePath() {
        RouteTable routes = table(ApiType.HTTP, "beta", new RouteSpec("GET", "/books", null));

        assertEquals("GET /books", routes.match("GET", "/beta/books").routeKey());
        assertNull(routes.match("GET", "/books"));
    }
}
