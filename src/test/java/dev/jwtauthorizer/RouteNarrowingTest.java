package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.policy.Route;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A custom check narrows what a credential was granted and never widens it. */
class RouteNarrowingTest {
    private static List<String> narrow(List<String> granted, List<String> kept) {
        List<Route> routes = granted == null ? null : granted.stream().map(Route::parse).toList();
        return RouteNarrowing.narrow(routes, kept).stream().map(Route::toString).toList();
    }

    @Test
    void theNarrowerOfEachPairIsKept() {
        assertEquals(List.of("GET /tenants/acme/*"), narrow(List.of("GET /tenants/*"), List.of("ANY /tenants/acme/*")));
        assertEquals(List.of("GET /books/42"), narrow(List.of("* /books/*"), List.of("GET /books/42")));
        assertEquals(List.of("GET /books/*"), narrow(List.of("GET /books/*"), List.of("* /*")), "a wider route keeps the grant");
    }

    @Test
    void routesGrantedByNothingAreIgnored() {
        assertEquals(List.of(), narrow(List.of("GET /books/*"), List.of("DELETE /books/*", "GET /orders", "$connect")));
        assertEquals(List.of(), narrow(List.of("GET /books/*"), List.of()));
        // Neither covers the other: nothing, rather than a guess at their overlap.
        assertEquals(List.of(), narrow(List.of("GET /books/*/reviews"), List.of("GET /books/42/*")));
    }

    @Test
    void aWildcardOnEitherSideNarrowsToTheOtherSide() {
        assertEquals(List.of("GET /books/42"), narrow(List.of("GET /books/42"), List.of("GET /books/4*")));
        assertEquals(List.of(), narrow(List.of("GET /books/42"), List.of("GET /books/5*")));
        assertEquals(List.of("GET /books/4*"), narrow(List.of("GET /books/*"), List.of("GET /books/4*")));
    }

    @Test
    void webSocketRouteKeysMatchExactly() {
        assertEquals(List.of("$connect"), narrow(List.of("$connect", "GET /books"), List.of("$connect")));
        assertEquals(List.of(), narrow(List.of("$connect"), List.of("$disconnect")));
    }

    @Test
    void everyRouteGrantedKeepsWhatTheCheckNames() {
        assertEquals(List.of("GET /tenants/acme/*", "$connect"), narrow(null, List.of("GET /tenants/acme/*", "$connect")));
    }
}
