package dev.jwtauthorizer.extension;

/**
 * Your own authorization logic, run by the authorizer for every request whose credential passed
 * (a valid JWT or a recognised API key), after the routes it grants are found and before the answer
 * is built. It may let the request through ({@link CheckResult#allow()}), add context, narrow the
 * routes, deny it with a 403 ({@link CheckResult#deny}) or reject it with a 401
 * ({@link CheckResult#reject}). It cannot let in a request the authorizer refused: it is never
 * called for a missing, invalid or expired credential, and it can never widen the routes.
 *
 * <pre>{@code
 * package com.example.checks;
 *
 * import dev.jwtauthorizer.extension.AuthorizationCheck;
 * import dev.jwtauthorizer.extension.CheckRequest;
 * import dev.jwtauthorizer.extension.CheckResult;
 *
 * public class PlanCheck implements AuthorizationCheck {
 *     @Override
 *     public CheckResult check(CheckRequest request) {
 *         if ("DELETE".equals(request.method()) && !"gold".equals(request.claims().get("plan"))) {
 *             return CheckResult.deny("plan_too_small");
 *         }
 *         return CheckResult.allow().withContext("plan", String.valueOf(request.claims().get("plan")));
 *     }
 * }
 * }</pre>
 *
 * The function finds the class named in the setting {@code JWT_CUSTOM_CHECK} (here
 * {@code com.example.checks.PlanCheck}) on its class path, in a Lambda layer holding
 * {@code java/lib/your-checks.jar}, and makes one instance at start:
 *
 * <ul>
 *   <li>The class must be public, with a public constructor that takes no arguments. A class that
 *       is missing, is no AuthorizationCheck or cannot be constructed stops the start, naming the
 *       setting.
 *   <li>That one instance serves every request: keep it thread-safe (the command line's local
 *       gateway calls it from several threads) and fast (it is on every request's path; give any
 *       network call a timeout).
 *   <li>Anything but a result fails closed: an exception, an {@link Error} (other than the JVM's own
 *       out-of-memory kind) or a null result is a 500 with the reason CUSTOM_CHECK_FAILED, logged
 *       with the exception's class name only, never its message (messages often quote input).
 *   <li>With SnapStart, the function warms its request path before the snapshot with throw-away
 *       keys and tokens; your check is never called with them, since your code may have side
 *       effects. The instance is made before the snapshot, so whatever its constructor set up
 *       (connections, random seeds, credentials) is restored into every copy of the snapshot.
 *   <li>API Gateway caches the answer for a token for the authorizer's cache time (300 seconds by
 *       default) and applies it to other requests with the same token, without calling the
 *       function. A check that reads the path, a header or a query parameter must narrow the
 *       routes to the ones it judged ({@link CheckResult#onlyRoutes}), or the API must not cache.
 * </ul>
 */
@FunctionalInterface
public interface AuthorizationCheck {
    /**
     * Judges one request whose credential passed.
     *
     * @param request the credential's principal and claims, the request, and the routes granted
     * @return the result; never null (null fails the request closed, with a 500)
     * @throws Exception anything the check cannot handle: the request fails closed, with a 500
     */
    CheckResult check(CheckRequest request) throws Exception;
}
