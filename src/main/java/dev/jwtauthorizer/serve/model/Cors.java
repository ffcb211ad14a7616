package dev.jwtauthorizer.serve.model;

import java.util.List;

/** An API's CORS settings, as its responses (and preflight answers) carry them. @param maxAge null when unset */
public record Cors(String allowOrigin, List<String> allowHeaders, List<String> allowMethods, Integer maxAge) {
    public Cors {
        allowHeaders = List.copyOf(allowHeaders);
        allowMethods = List.copyOf(allowMethods);
    }
}
