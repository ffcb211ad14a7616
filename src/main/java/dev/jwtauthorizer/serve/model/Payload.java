package dev.jwtauthorizer.serve.model;

/** The event an authorizer is sent. */
public enum Payload {
    /** REST API TOKEN authorizer. */
    TOKEN,
    /** REST API REQUEST authorizer. */
    REQUEST,
    /** HTTP API Lambda authorizer, payload format 1.0. */
    V1,
    /** HTTP API Lambda authorizer, payload format 2.0. */
    V2
}
