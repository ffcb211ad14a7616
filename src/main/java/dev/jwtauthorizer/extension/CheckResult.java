package dev.jwtauthorizer.extension;

import dev.jwtauthorizer.policy.Route;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an {@link AuthorizationCheck} decided: let the request through (with more context, or
 * fewer routes), deny it (403) or reject it (401). Immutable: each {@code with...} returns a new
 * result.
 *
 * <pre>{@code
 * return CheckResult.allow()
 *         .withContext("tenant", "acme")
 *         .onlyRoutes(List.of("ANY /tenants/acme", "ANY /tenants/acme/*"));
 * return CheckResult.deny("wrong_tenant");      // 403, as a route the credential lacks
 * return CheckResult.reject("denied_subject");  // 401 Unauthorized
 * }</pre>
 *
 * A reason is 1-64 letters, digits and {@code _ . : -}; the decision log line carries it as
 * {@code checkReason} (API Gateway's answer never does). Every method refuses a wrong argument with
 * an IllegalArgumentException when it is called, so a check's own unit tests find the mistake; in
 * the function, a check that throws fails closed with a 500.
 */
public final class CheckResult {
    /** The context names the authorizer owns: the principal, and the id of an API key's entry. */
    private static final Set<String> RESERVED_CONTEXT_NAMES = Set.of("principalId", "apiKeyId");

    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern CONTEXT_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");
    private static final int MAX_CONTEXT_VALUE_LENGTH = 4096;

    private enum Kind { ALLOW, DENY, REJECT }

    private final Kind kind;
    private final String reason;
    private final Map<String, Object> context;
    private final List<String> routes;

    private CheckResult(Kind kind, String reason, Map<String, Object> context, List<String> routes) {
        this.kind = kind;
        this.reason = reason;
        this.context = Collections.unmodifiableMap(context);
        this.routes = routes == null ? null : List.copyOf(routes);
    }

    /** Let the request through, with the routes and context the authorizer found. */
    public static CheckResult allow() {
        return new CheckResult(Kind.ALLOW, null, new LinkedHashMap<>(), null);
    }

    /**
     * Deny the request: a 403, answered exactly as a route the credential lacks (a policy without an
     * Allow, or {@code isAuthorized: false}).
     *
     * @param reason 1-64 letters, digits and {@code _ . : -}, for the decision log
     */
    public static CheckResult deny(String reason) {
        return new CheckResult(Kind.DENY, checkedReason(reason), new LinkedHashMap<>(), null);
    }

    /**
     * Reject the request: a 401 Unauthorized, as for an invalid credential.
     *
     * @param reason 1-64 letters, digits and {@code _ . : -}, for the decision log
     */
    public static CheckResult reject(String reason) {
        return new CheckResult(Kind.REJECT, checkedReason(reason), new LinkedHashMap<>(), null);
    }

    /**
     * This result with one more context entry, which the backend reads as the authorizer's context
     * (it replaces a claim or key list entry of the same name).
     *
     * @param name 1-128 letters, digits and {@code _ . : -}; never {@code principalId} or {@code apiKeyId}
     * @param value at most 4096 characters
     * @throws IllegalStateException on a deny or reject, which carry no context
     */
    public CheckResult withContext(String name, String value) {
        Objects.requireNonNull(value, "a context value");
        if (value.length() > MAX_CONTEXT_VALUE_LENGTH) {
            throw new IllegalArgumentException("context value of " + name + " longer than " + MAX_CONTEXT_VALUE_LENGTH);
        }
        return withContextValue(name, value);
    }

    /**
     * This result with one more numeric context entry.
     *
     * @param value an Integer, Long, Short, Byte, BigInteger, BigDecimal, or a finite Double or Float
     */
    public CheckResult withContext(String name, Number value) {
        boolean plain = value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal
                || value instanceof Double number && Double.isFinite(number)
                || value instanceof Float number && Float.isFinite(number);
        if (!plain) {
            throw new IllegalArgumentException("context value of " + name + " is not a finite number of a JDK type: " + value);
        }
        return withContextValue(name, value);
    }

    /** This result with one more boolean context entry. */
    public CheckResult withContext(String name, boolean value) {
        return withContextValue(name, value);
    }

    /**
     * This result allowing only those of these routes that the credential was granted anyway: the
     * answer allows, for each route given here and each route granted, the narrower of the two when
     * one covers the other ({@code GET /tenants/acme/*} within {@code GET /tenants/*}); a route
     * granted by nothing is ignored. The routes never grow.
     *
     * @param routes {@code "VERB /path"} entries as in rules ({@code ANY} or {@code *} for every
     *               verb, {@code *} in a path for any characters), or WebSocket route keys such as
     *               {@code $connect}; empty allows no route
     * @throws IllegalStateException on a deny or reject, or when routes were narrowed already
     */
    public CheckResult onlyRoutes(Collection<String> routes) {
        requireAllow("onlyRoutes");
        if (this.routes != null) {
            throw new IllegalStateException("onlyRoutes was called already on this result");
        }
        Set<String> parsed = new LinkedHashSet<>();
        for (String route : routes) {
            parsed.add(Route.parse(Objects.requireNonNull(route, "a route")).toString());
        }
        return new CheckResult(kind, reason, new LinkedHashMap<>(context), new ArrayList<>(parsed));
    }

    /** Whether the check lets the request through. */
    public boolean isAllowed() {
        return kind == Kind.ALLOW;
    }

    /** Whether the check denies the request (403). */
    public boolean isDenied() {
        return kind == Kind.DENY;
    }

    /** Whether the check rejects the request (401). */
    public boolean isRejected() {
        return kind == Kind.REJECT;
    }

    /** The reason of a deny or reject; null for an allow. */
    public String reason() {
        return reason;
    }

    /** The context entries the check adds, in the order given; empty for a deny or reject. */
    public Map<String, Object> context() {
        return context;
    }

    /** The routes given to {@link #onlyRoutes}, in their canonical form ({@code ANY} as {@code *}); null when not narrowed. */
    public List<String> routes() {
        return routes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckResult result && kind == result.kind && Objects.equals(reason, result.reason)
                && context.equals(result.context) && Objects.equals(routes, result.routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reason, context, routes);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALLOW -> "allow" + (context.isEmpty() ? "" : " context=" + context) + (routes == null ? "" : " onlyRoutes=" + routes);
            case DENY -> "deny(" + reason + ")";
            case REJECT -> "reject(" + reason + ")";
        };
    }

    private CheckResult withContextValue(String name, Object value) {
        requireAllow("withContext");
        if (name == null || !CONTEXT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("context name \"" + name + "\" is not 1-128 letters, digits and _ . : -");
        }
        if (RESERVED_CONTEXT_NAMES.contains(name)) {
            throw new IllegalArgumentException("context name " + name + " belongs to the authorizer");
        }
        Map<String, Object> more = new LinkedHashMap<>(context);
        more.put(name, value);
        return new CheckResult(kind, reason, more, routes);
    }

    private void requireAllow(String what) {
        if (kind != Kind.ALLOW) {
            throw new IllegalStateException(what + " goes with allow(), not with " + this);
        }
    }

    private static String checkedReason(String reason) {
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason \"" + reason + "\" is not 1-64 letters, digits and _ . : -");
        }
        return reason;
    }
}
