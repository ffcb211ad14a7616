package dev.jwtauthorizer.examples.checks;

import dev.jwtauthorizer.extension.AuthorizationCheck;
import dev.jwtauthorizer.extension.CheckRequest;
import dev.jwtauthorizer.extension.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each tenant to its own data: a request for {@code /tenants/{tenant}/...} passes only when
 * the credential's {@code tenant} claim names that same tenant, else it is denied (403,
 * {@code wrong_tenant}). A passing request carries {@code tenant} in the authorizer context.
 *
 * <p>API Gateway caches a policy per token and applies it to the token's next requests without
 * asking again, so this check answers for every route the policy allows, not just the one asked
 * about: it always narrows the routes to the tenant's own ({@code ANY /tenants/acme},
 * {@code ANY /tenants/acme/*}) plus the granted routes that cannot reach any tenant's data. A token
 * without a tenant claim keeps only the latter.
 */
public class TenantCheck implements AuthorizationCheck {
    private static final String TENANTS = "/tenants";

    @Override
    public CheckResult check(CheckRequest request) {
        String claimed = request.claims().get("tenant") instanceof String tenant && isPathSegment(tenant) ? tenant : null;
        String requested = tenantOf(request.path());
        if (requested != null && !requested.equals(claimed)) {
            return CheckResult.deny("wrong_tenant");
        }
        List<String> routes = new ArrayList<>();
        for (String route : request.routes()) {
            if (!reachesTenants(route)) {
                routes.add(route);
            }
        }
        if (claimed == null) {
            return CheckResult.allow().onlyRoutes(routes);
        }
        routes.add("ANY " + TENANTS + "/" + claimed);
        routes.add("ANY " + TENANTS + "/" + claimed + "/*");
        return CheckResult.allow().withContext("tenant", claimed).onlyRoutes(routes);
    }

    /** The tenant of {@code /tenants/{tenant}} or {@code /tenants/{tenant}/...}; null for any other path. */
    static String tenantOf(String path) {
        if (path == null || !path.startsWith(TENANTS + "/")) {
            return null;
        }
        String rest = path.substring(TENANTS.length() + 1);
        int slash = rest.indexOf('/');
        String tenant = slash < 0 ? rest : rest.substring(0, slash);
        return tenant.isEmpty() ? null : tenant;
    }

    /**
     * Whether a granted route could match a path under /tenants: its fixed start (up to the first
     * {@code *}) is inside /tenants, or is a start of it ({@code /*}, {@code /ten*}).
     */
    static boolean reachesTenants(String route) {
        int space = route.indexOf(' ');
        if (space < 0) {
            return false; // a WebSocket route key
        }
        String path = route.substring(space + 1);
        int wildcard = path.indexOf('*');
        String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
        return fixed.startsWith(TENANTS) && (fixed.length() == TENANTS.length() || fixed.charAt(TENANTS.length()) == '/')
                || wildcard >= 0 && (TENANTS + "/").startsWith(fixed);
    }

    /** A tenant the routes can name: no '/', '*', '?' or whitespace. */
    private static boolean isPathSegment(String tenant) {
        return !tenant.isEmpty() && tenant.chars().noneMatch(c -> c == '/' || c == '*' || c == '?' || c <= ' ' || c == 0x7f);
    }
}
