package dev.jwtauthorizer.serve;

import java.util.Map;

/** Where an allowed request goes: the built-in echo, or an upstream server. */
interface Backend {
    /**
     * @param authorizer what the backend would find in {@code requestContext.authorizer}; null on an
     *                   unprotected route
     * @throws BackendFailure when the backend cannot be reached or does not answer (a 502)
     */
    GatewayResponse call(GatewayRequest request, RouteMatch match, Map<String, Object> authorizer) throws BackendFailure;

    /** The backend failed; the client gets API Gateway's 502. */
    final class BackendFailure extends Exception {
        BackendFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
