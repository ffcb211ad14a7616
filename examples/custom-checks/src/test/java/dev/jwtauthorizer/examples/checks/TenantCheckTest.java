package dev.jwtauthorizer.examples.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantCheckTest {
    private static final List<String> GRANTED = List.of("GET /tenants/*", "GET /books/*", "$connect");
    private final TenantCheck check = new TenantCheck();

    private static CheckRequest request(Object tenantClaim, String path) {
        CheckRequest.Builder builder = CheckRequest.builder().principalId("alice").path(path).routes(GRANTED);
        return (tenantClaim == null ? builder : builder.claim("tenant", tenantClaim)).build();
    }

    @Test
    void theTenantsOwnDataPassesWithTheTenantInTheContext() {
        CheckResult result = check.check(request("acme", "/tenants/acme/orders"));
        assertTrue(result.isAllowed());
        assertEquals(Map.of("tenant", "acme"), result.context());
        // Cached, the policy reaches the tenant's own routes and the others granted, never another tenant's.
        assertEquals(List.of("GET /books/*", "$connect", "* /tenants/acme", "* /tenants/acme/*"), result.routes());
    }

    @Test
    void anotherTenantsDataIsDenied() {
        assertEquals(CheckResult.deny("wrong_tenant"), check.check(request("acme", "/tenants/globex/orders")));
        assertEquals(CheckResult.deny("wrong_tenant"), check.check(request("acme", "/tenants/globex")));
    }

    @Test
    void withoutATenantClaimNoTenantsDataIsReachable() {
        assertEquals(CheckResult.deny("wrong_tenant"), check.check(request(null, "/tenants/acme/orders")));
        assertEquals(CheckResult.deny("wrong_tenant"), check.check(request(42, "/tenants/42")), "a claim that is no string");
        CheckResult elsewhere = check.check(request(null, "/books/1"));
        assertTrue(elsewhere.isAllowed());
        assertEquals(List.of("GET /books/*", "$connect"), elsewhere.routes());
    }

    @Test
    void aClaimThatCouldWidenARouteNamesNoTenant() {
        assertEquals(CheckResult.deny("wrong_tenant"), check.check(request("*", "/tenants/acme/orders")));
        assertEquals(List.of("GET /books/*", "$connect"), check.check(request("a/*", "/books/1")).routes());
    }

    @Test
    void pathsOutsideTenantsAreNotTenantPaths() {
        assertEquals("acme", TenantCheck.tenantOf("/tenants/acme"));
        assertEquals("acme", TenantCheck.tenantOf("/tenants/acme/orders/7"));
        assertEquals(null, TenantCheck.tenantOf("/tenants/"));
        assertEquals(null, TenantCheck.tenantOf("/tenantsacme/orders"));
        assertEquals(null, TenantCheck.tenantOf("$connect"));
    }

    @Test
    void routesThatCouldReachATenantAreFound() {
        for (String route : List.of("GET /tenants/*", "* /*", "GET /ten*", "GET /tenants", "POST /tenants/acme")) {
            assertTrue(TenantCheck.reachesTenants(route), route);
        }
        for (String route : List.of("GET /books/*", "GET /tenantsX", "$connect", "GET /b*")) {
            assertFalse(TenantCheck.reachesTenants(route), route);
        }
    }
}
