package dev.jwtauthorizer.request;

/** The kinds of API Gateway authorizer event, each with its own shape and answer. */
public enum ApiKind {
    /** REST API TOKEN authorizer: the identity source's value and the methodArn. */
    REST_TOKEN,
    /** REST API REQUEST authorizer (payload 1.0): headers, query string, methodArn. */
    REST_REQUEST,
    /** HTTP API Lambda authorizer with payload format 1.0: the REST REQUEST shape, answered with a policy. */
    HTTP_API_V1,
    /** HTTP API Lambda authorizer with payload format 2.0: routeArn, lower-cased headers, cookies. */
    HTTP_API_V2,
    /** WebSocket API REQUEST authorizer on $connect: methodArn ending in /$connect. */
    WEBSOCKET;

    /** Usage plans, and so usageIdentifierKey, exist only for REST APIs. */
    public boolean hasUsagePlans() {
        return this == REST_TOKEN || this == REST_REQUEST;
    }
}
