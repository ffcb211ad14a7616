package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.model.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The event API Gateway sends an authorizer for a request, in each payload kind: REST TOKEN, REST
 * REQUEST (headers as sent, with their multi-value twins), HTTP API 1.0 (the REQUEST shape with
 * version 1.0) and 2.0 (header names lower-cased, repeated values joined with commas, cookies in
 * their own array, rawPath, rawQueryString, routeKey, requestContext.http).
 */
final class AuthorizerEvents {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";

    private AuthorizerEvents() {
    }

    /** {@code arn:aws:execute-api:us-east-1:123456789012:<apiId>/<stage>/<VERB>/<path without its leading slash>}. */
    static String arn(ApiSpec api, String method, String path) {
        return "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":" + apiId(api) + "/" + api.stage() + "/"
                + method + path;
    }

    /** The API's name as an API id (letters and digits), or "local". */
    static String apiId(ApiSpec api) {
        String id = api.name() == null ? "" : api.name().replaceAll("[^A-Za-z0-9]", "");
        return id.isEmpty() ? "local" : id;
    }

    /** @param arn the request's methodArn or routeArn ({@link #arn}) */
    static Map<String, Object> build(Payload payload, ApiSpec api, GatewayRequest request, RouteMatch match, String arn,
                                     List<String> identityValues) {
        return switch (payload) {
            case TOKEN -> token(identityValues.get(0), arn);
            case REQUEST -> request(api, request, match, arn, false);
            case V1 -> {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("version", "1.0");
                event.putAll(request(api, request, match, arn, true));
                event.put("identitySource", String.join(",", identityValues));
                yield event;
            }
            case V2 -> v2(api, request, match, arn, identityValues);
        };
    }

    private static Map<String, Object> token(String token, String arn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "TOKEN");
        event.put("authorizationToken", token);
        event.put("methodArn", arn);
        return event;
    }

    /** REST REQUEST, and HTTP API 1.0 whose header names arrive lower-cased. */
    private static Map<String, Object> request(ApiSpec api, GatewayRequest request, RouteMatch match, String arn,
                                               boolean lowerCaseHeaders) {
        Map<String, Object> headers = new LinkedHashMap<>();
        Map<String, Object> multiValueHeaders = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            String key = lowerCaseHeaders ? name.toLowerCase(Locale.ROOT) : name;
            headers.put(key, values.get(values.size() - 1));
            multiValueHeaders.put(key, new ArrayList<>(values));
        });
        Map<String, Object> query = new LinkedHashMap<>();
        Map<String, Object> multiValueQuery = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> {
            query.put(name, values.get(values.size() - 1));
            multiValueQuery.put(name, new ArrayList<>(values));
        });
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "REQUEST");
        event.put("methodArn", arn);
        event.put("resource", match.route().path());
        event.put("path", match.path());
        event.put("httpMethod", request.method());
        event.put("headers", headers);
        event.put("multiValueHeaders", multiValueHeaders);
        event.put("queryStringParameters", query);
        event.put("multiValueQueryStringParameters", multiValueQuery);
        event.put("pathParameters", new LinkedHashMap<>(match.pathParameters()));
        event.put("stageVariables", new LinkedHashMap<>());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", request.sourceIp());
        identity.put("userAgent", request.header("User-Agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", ACCOUNT);
        context.put("apiId", apiId(api));
        context.put("httpMethod", request.method());
        context.put("identity", identity);
        context.put("path", request.path());
        context.put("requestId", UUID.randomUUID().toString());
        context.put("resourcePath", match.route().path());
        context.put("stage", api.stage());
        event.put("requestContext", context);
        return event;
    }

    private static Map<String, Object> v2(ApiSpec api, GatewayRequest request, RouteMatch match, String arn,
                                          List<String> identityValues) {
        Map<String, Object> headers = new LinkedHashMap<>();
        List<Object> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                // HTTP APIs move the Cookie header into the cookies array, one pair per entry.
                for (String header : values) {
                    for (String pair : header.split(";")) {
                        if (!pair.isBlank()) {
                            cookies.add(pair.strip());
                        }
                    }
                }
            } else {
                headers.merge(key, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        Map<String, Object> query = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> query.put(name, String.join(",", values)));
        Instant now = Instant.now();
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.path());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("User-Agent"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", ACCOUNT);
        context.put("apiId", apiId(api));
        context.put("domainName", "localhost");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.routeKey());
        context.put("stage", api.stage());
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", arn);
        event.put("identitySource", new ArrayList<Object>(identityValues));
        event.put("routeKey", match.routeKey());
        event.put("rawPath", request.path());
        event.put("rawQueryString", request.rawQuery());
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers);
        event.put("queryStringParameters", query);
        event.put("pathParameters", new LinkedHashMap<>(match.pathParameters()));
        event.put("stageVariables", new LinkedHashMap<>());
        event.put("requestContext", context);
        return event;
    }
}
