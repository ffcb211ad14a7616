package dev.jwtauthorizer.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder a check's tests use: plain defaults, and no request the authorizer could never send. */
class CheckRequestTest {
    @Test
    void defaultsAreAJwtOnGetSlashWithEveryRoute() {
        CheckRequest request = CheckRequest.builder().principalId("alice").build();
        assertEquals(CredentialKind.JWT, request.credential());
        assertEquals("REST_REQUEST", request.api());
        assertEquals("GET", request.method());
        assertEquals("/", request.path());
        assertEquals("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/test/GET/", request.methodArn());
        assertEquals(CheckRequest.EVERY_ROUTE, request.routes());
        assertEquals(Map.of(), request.claims());
        assertNull(request.apiKeyId());
    }

    @Test
    void headersAreFoundInAnyCaseAndRepeatedValuesJoined() {
        CheckRequest request = CheckRequest.builder().principalId("alice")
                .header("X-Tenant", "acme").header("x-tenant", "globex").queryParameter("view", "full").build();
        assertEquals("acme,globex", request.header("X-TENANT"));
        assertNull(request.header("x-other"));
        assertEquals("full", request.queryParameter("view"));
        assertNull(request.queryParameter("View"));
    }

    @Test
    void aHeaderNameIsLowerCasedInAsciiOnly() {
        // "Coo\u212Aie": a Kelvin sign for the k must not pass for the Cookie header.
        CheckRequest request = CheckRequest.builder().principalId("alice").header("Coo\u212Aie", "session=x").build();
        assertNull(request.header("cookie"));
    }

    @Test
    void anApiKeyHasAnIdAndNoClaims() {
        CheckRequest key = CheckRequest.builder().principalId("partner").apiKeyId("acme-1").build();
        assertEquals(CredentialKind.API_KEY, key.credential());
        assertThrows(IllegalStateException.class,
                () -> CheckRequest.builder().principalId("partner").apiKeyId("acme-1").claim("sub", "x").build());
        assertThrows(IllegalStateException.class,
                () -> CheckRequest.builder().principalId("partner").credential(CredentialKind.API_KEY).build());
    }

    @Test
    void aWebSocketRequestIsItsRouteKey() {
        CheckRequest request = CheckRequest.builder().principalId("alice").api("WEBSOCKET").build();
        assertNull(request.method());
        assertEquals("$connect", request.path());
        assertEquals("arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/test/$connect", request.methodArn());
    }

    @Test
    void impossibleRequestsAreRefused() {
        assertThrows(IllegalStateException.class, () -> CheckRequest.builder().build(), "no principal");
        assertThrows(IllegalArgumentException.class, () -> CheckRequest.builder().api("GRAPHQL"));
        assertThrows(IllegalStateException.class,
                () -> CheckRequest.builder().principalId("a").api("REST_TOKEN").header("x-tenant", "acme").build());
        assertThrows(IllegalArgumentException.class, () -> CheckRequest.builder().routes(List.of("GET books")));
    }

    @Test
    void claimsAreReadOnlyAndTheBuilderCanBeReused() {
        CheckRequest.Builder builder = CheckRequest.builder().principalId("alice").claim("tenant", "acme");
        CheckRequest first = builder.build();
        CheckRequest second = builder.claim("plan", "gold").build();
        assertEquals(Map.of("tenant", "acme"), first.claims());
        assertEquals(Map.of("tenant", "acme", "plan", "gold"), second.claims());
        assertThrows(UnsupportedOperationException.class, () -> first.claims().put("tenant", "globex"));
        assertFalse(first.toString().contains("acme"), "toString holds no claim or header values");
    }
}
