package dev.jwtauthorizer.serve.model;

/** The kinds of API Gateway API that {@code serve} emulates. */
public enum ApiType {
    /** A REST API (AWS::Serverless::Api): stage in the path, gateway responses, TOKEN or REQUEST authorizers. */
    REST,
    /** An HTTP API (AWS::Serverless::HttpApi): Lambda authorizers with payload 1.0 or 2.0. */
    HTTP
}
