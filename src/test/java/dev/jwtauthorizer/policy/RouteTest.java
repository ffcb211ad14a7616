package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Routes as rules name them: {@code "VERB /path"} for REST and HTTP APIs, a route key for WebSocket APIs. */
class RouteTest {

    @Test
    void anyIsTheVerbWildcardAsHttpApisWriteIt() {
        Route any = Route.parse("ANY /books/*");
        assertEquals("*", any.verb());
        assertEquals("/books/*", any.path());
        assertEquals(Route.parse("* /books/*"), any);
        assertEquals("*", new Route("ANY", "/").verb());
        assertFalse(any.isWebSocket());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$connect", "$disconnect", "$default", "sendMessage", "chat.join", "a", "TRACE", "CONNECT"})
    void aNameWithoutSpaceOrSlashIsAWebSocketRouteKey(String key) {
        Route route = Route.parse(key);
        assertTrue(route.isWebSocket());
        assertNull(route.verb());
        assertEquals(key, route.path());
        assertEquals(key, route.toString());
        assertEquals(Route.webSocket(key), route);
    }

    @Test
    void aRouteKeyMayHaveUpTo128Characters() {
        assertEquals(128, Route.parse("k".repeat(128)).path().length());
        assertThrows(IllegalArgumentException.class, () -> Route.parse("k".repeat(129)));
        assertThrows(IllegalArgumentException.class, () -> Route.webSocket("k".repeat(129)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // A verb alone or a wildcard alone would read as a route key that widens or means nothing.
            "*", "ANY", "GET", "POST", "DELETE", "OPTIONS",
            // A path without its verb.
            "GET/books", "/books", "books/1",
            // IAM wildcards and characters that change the resource's meaning.
            "$conn*", "chat?", "a*b", "send/message",
            // Whitespace and control characters.
            "send message", " $connect", "$connect ", "send\tmessage", "a\u0000b", "a\nb",
            // Beyond ASCII.
            "café", "ünïcode",
            ""})
    void textThatIsNeitherARouteNorARouteKeyIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Route.parse(text));
    }

    @Test
    void routeKeysWithWildcardsAreRefusedWhenBuiltDirectlyToo() {
        for (String key : new String[] {"*", "$connect*", "a?", "a/b", "a b", ""}) {
            assertThrows(IllegalArgumentException.class, () -> Route.webSocket(key), key);
        }
        assertThrows(IllegalArgumentException.class, () -> Route.webSocket(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"get /books", "GET books", "GET /a b", "GET  /books", "GET /a?b", "FETCH /books", "ANY books"})
    void verbAndPathRoutesStayStrict(String text) {
        assertThrows(IllegalArgumentException.class, () -> Route.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /books/{id}", "ANY /{proxy+}", "GET /books/{id}/reviews", "GET /a}", "GET /{"})
    void aRouteTemplateIsRefusedSinceNoRequestedPathMatchesIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Route.parse(text));
        assertTrue(e.getMessage().contains("write * for a path parameter"), e.getMessage());
    }

    @Test
    void aPathMayHaveUpTo256Characters() {
        assertEquals(256, Route.parse("GET /" + "p".repeat(255)).path().length());
        assertThrows(IllegalArgumentException.class, () -> Route.parse("GET /" + "p".repeat(256)));
    }

    @Test
    void unknownVerbMessageOffersAny() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Route.parse("FETCH /books"));
        assertTrue(e.getMessage().contains("ANY"), e.getMessage());
    }
}
