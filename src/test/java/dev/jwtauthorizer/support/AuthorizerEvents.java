package dev.jwtauthorizer.support;

import dev.jwtauthorizer.request.ApiKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Authorizer events of every kind, shaped as API Gateway sends them (AWS developer guide: "Input to
 * a Lambda authorizer", "Lambda authorizers for HTTP APIs", "WebSocket APIs ... REQUEST
 * authorizers"), for one request on API abcdef1234 of account 123456789012 in us-east-1, with the
 * token wherever a test puts it. Every map and list is mutable, so a test can spoil what it needs.
 *
 * <pre>{@code
 * AuthorizerEvents.of(ApiKind.HTTP_API_V2, "GET", "/books/42").cookie("access_token", jwt).build()
 * }</pre>
 */
public final class AuthorizerEvents {
    public static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";

    private final ApiKind kind;
    private final String verb;
    private final String path;
    /** Header names as given, each with every value sent under it. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();

    private AuthorizerEvents(ApiKind kind, String verb, String path) {
        this.kind = kind;
        this.verb = verb;
        this.path = path;
    }

    /** A request for {@code verb path}; a WebSocket event is always the $connect route, whatever they say. */
    public static AuthorizerEvents of(ApiKind kind, String verb, String path) {
        return new AuthorizerEvents(kind, verb, path);
    }

    /**
     * The methodArn (routeArn for payload 2.0) API Gateway would send for this kind and request.
     * REST and WebSocket APIs on stage "prod", HTTP APIs on their "$default" stage.
     */
    public static String arn(ApiKind kind, String verb, String path) {
        return switch (kind) {
            case WEBSOCKET -> ARN_PREFIX + "prod/$connect";
            case HTTP_API_V1, HTTP_API_V2 -> ARN_PREFIX + "$default/" + verb + path;
            case REST_TOKEN, REST_REQUEST -> ARN_PREFIX + "prod/" + verb + path;
        };
    }

    public String arn() {
        return arn(kind, verb, path);
    }

    /**
     * A header; given twice, the header is sent twice. For a TOKEN event only Authorization exists:
     * its value becomes the event's authorizationToken.
     */
    public AuthorizerEvents header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public AuthorizerEvents query(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** A cookie where the kind carries cookies: the 2.0 cookies array, or else the Cookie header. */
    public AuthorizerEvents cookie(String name, String value) {
        if (kind == ApiKind.HTTP_API_V2) {
            cookies.add(name + "=" + value);
            return this;
        }
        return cookieHeader(name, value);
    }

    /** A cookie in the Cookie header, joined to the ones already there as browsers send them (RFC 6265 5.4). */
    public AuthorizerEvents cookieHeader(String name, String value) {
        String pair = name + "=" + value;
        List<String> values = headers.computeIfAbsent("Cookie", n -> new ArrayList<>());
        if (values.isEmpty()) {
            values.add(pair);
        } else {
            values.set(0, values.get(0) + "; " + pair);
        }
        return this;
    }

    /** Sec-WebSocket-Protocol as a browser's {@code new WebSocket(url, ["bearer", jwt])} sends it. */
    public AuthorizerEvents protocol(String marker, String value) {
        return header("Sec-WebSocket-Protocol", marker + ", " + value);
    }

    public Map<String, Object> build() {
        return switch (kind) {
            case REST_TOKEN -> tokenEvent();
            case HTTP_API_V2 -> payload2();
            case REST_REQUEST, HTTP_API_V1, WEBSOCKET -> payload1();
        };
    }

    private Map<String, Object> tokenEvent() {
        if (!query.isEmpty() || headers.keySet().stream().anyMatch(name -> !name.equalsIgnoreCase("Authorization"))) {
            throw new IllegalArgumentException("a TOKEN event carries the Authorization header's value and nothing else");
        }
        List<String> authorization = headers.values().stream().flatMap(List::stream).toList();
        if (authorization.size() > 1) {
            throw new IllegalArgumentException("a TOKEN event carries one value");
        }
        return Events.token(authorization.isEmpty() ? null : authorization.get(0), arn());
    }

    /** REST REQUEST, HTTP API payload 1.0 and WebSocket: single- and multi-value maps of headers and query. */
    private Map<String, Object> payload1() {
        Map<String, Object> event = new LinkedHashMap<>();
        if (kind == ApiKind.HTTP_API_V1) {
            event.put("version", "1.0");
        }
        event.put("type", "REQUEST");
        event.put("methodArn", arn());
        if (kind != ApiKind.WEBSOCKET) {
            event.put("resource", routePath());
            event.put("path", path);
            event.put("httpMethod", verb);
        }
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Host", new ArrayList<>(List.of("abcdef1234.execute-api.us-east-1.amazonaws.com")));
        if (kind == ApiKind.WEBSOCKET) {
            sent.put("Connection", new ArrayList<>(List.of("upgrade")));
            sent.put("Upgrade", new ArrayList<>(List.of("websocket")));
            sent.put("Sec-WebSocket-Version", new ArrayList<>(List.of("13")));
        }
        sent.put("X-Forwarded-Proto", new ArrayList<>(List.of("https")));
        sent.putAll(headers);
        // HTTP APIs lower-case header names; REST and WebSocket APIs pass them as the client sent them.
        Map<String, List<String>> named = kind == ApiKind.HTTP_API_V1 ? lowerCased(sent) : sent;
        event.put("headers", lastValues(named));
        if (kind != ApiKind.HTTP_API_V1) {
            event.put("multiValueHeaders", copies(named));
        }
        event.put("queryStringParameters", query.isEmpty() ? null : lastValues(query));
        if (kind != ApiKind.HTTP_API_V1) {
            event.put("multiValueQueryStringParameters", query.isEmpty() ? null : copies(query));
        }
        event.put("stageVariables", null);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "abcdef1234");
        context.put("stage", kind == ApiKind.HTTP_API_V1 ? "$default" : "prod");
        context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        if (kind == ApiKind.WEBSOCKET) {
            context.put("routeKey", "$connect");
            context.put("eventType", "CONNECT");
            context.put("connectionId", "BmN6qdzmIAMCIvQ=");
        } else {
            context.put("resourcePath", routePath());
            context.put("httpMethod", verb);
        }
        event.put("requestContext", context);
        return event;
    }

    /** HTTP API payload 2.0: lower-cased header names, repeated headers joined by commas, cookies apart. */
    private Map<String, Object> payload2() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", arn());
        event.put("identitySource", new ArrayList<>(headers.getOrDefault("Authorization", List.of())));
        event.put("routeKey", verb + " " + routePath());
        event.put("rawPath", path);
        event.put("rawQueryString", String.join("&", query.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v)).toList()));
        if (!cookies.isEmpty()) {
            event.put("cookies", new ArrayList<>(cookies));
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("host", "abcdef1234.execute-api.us-east-1.amazonaws.com");
        sent.put("x-forwarded-proto", "https");
        lowerCased(headers).forEach((name, values) -> sent.put(name, String.join(",", values)));
        event.put("headers", sent);
        if (!query.isEmpty()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            query.forEach((name, values) -> parameters.put(name, String.join(",", values)));
            event.put("queryStringParameters", parameters);
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", verb);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "abcdef1234");
        context.put("http", http);
        context.put("requestId", "BmN6qhS8IAMEVbQ=");
        context.put("routeKey", verb + " " + routePath());
        context.put("stage", "$default");
        event.put("requestContext", context);
        return event;
    }

    /** /books/42 is served by the route /books/{id}. */
    private String routePath() {
        return path.replaceAll("/[0-9]+(?=/|$)", "/{id}");
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> values) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        values.forEach((name, list) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(list));
        return lower;
    }

    /** The single-value map of payload 1.0 keeps the last value of a repeated name. */
    private static Map<String, Object> lastValues(Map<String, List<String>> values) {
        Map<String, Object> last = new LinkedHashMap<>();
        values.forEach((name, list) -> last.put(name, list.get(list.size() - 1)));
        return last;
    }

    private static Map<String, Object> copies(Map<String, List<String>> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
        return copy;
    }
}
