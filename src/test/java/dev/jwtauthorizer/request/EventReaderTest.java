package dev.jwtauthorizer.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.Events;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recognising each kind of authorizer event by its shape. The events are those of the API Gateway
 * developer guide (REST TOKEN and REQUEST: "Input to an Amazon API Gateway Lambda authorizer";
 * HTTP API 1.0 and 2.0: "Working with AWS Lambda authorizers for HTTP APIs"; WebSocket:
 * "Creating a Lambda REQUEST authorizer function"), read through the Lambda runtime's serializer.
 */
class EventReaderTest {
    static final String REST_ARN = "arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/GET/request";
    static final String WEBSOCKET_ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect";
    /** Looks like a token; must never be echoed in a description of what arrived. */
    private static final String SECRET = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA";

    static final String REST_REQUEST = """
            {"type": "REQUEST",
             "methodArn": "arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/GET/request",
             "resource": "/request", "path": "/request", "httpMethod": "GET",
             "headers": {"X-AMZ-Date": "20170718T062915Z", "Accept": "*/*", "HeaderAuth1": "headerValue1",
                         "Authorization": "Bearer abc", "Cookie": "theme=dark; access_token=xyz"},
             "multiValueHeaders": {"X-AMZ-Date": ["20170718T062915Z"], "Accept": ["*/*"],
                         "HeaderAuth1": ["headerValue1"], "Authorization": ["Bearer abc"],
                         "Cookie": ["theme=dark; access_token=xyz"]},
             "queryStringParameters": {"QueryString1": "queryValue1"},
             "multiValueQueryStringParameters": {"QueryString1": ["queryValue1"]},
             "pathParameters": {}, "stageVariables": {"StageVar1": "stageValue1"},
             "requestContext": {"path": "/request", "accountId": "123456789012", "resourceId": "05c7jb",
                         "stage": "test", "requestId": "r", "identity": {"apiKey": "k", "sourceIp": "192.0.2.1"},
                         "resourcePath": "/request", "httpMethod": "GET", "apiId": "s4x3opwd6i"}}
            """;

    static final String HTTP_API_V1 = """
            {"version": "1.0", "type": "REQUEST",
             "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request",
             "identitySource": "user1,123", "authorizationToken": "user1,123",
             "resource": "/request", "path": "/request", "httpMethod": "GET",
             "headers": {"X-AMZ-Date": "20170718T062915Z", "Accept": "*/*", "HeaderAuth1": "headerValue1"},
             "queryStringParameters": {"QueryString1": "queryValue1"},
             "pathParameters": {}, "stageVariables": {"StageVar1": "stageValue1"},
             "requestContext": {"path": "/request", "accountId": "123456789012", "stage": "test",
                         "resourcePath": "/request", "httpMethod": "GET", "apiId": "abcdef123"}}
            """;

    static final String HTTP_API_V2 = """
            {"version": "2.0", "type": "REQUEST",
             "routeArn": "arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/request",
             "identitySource": ["user1", "123"], "routeKey": "$default", "rawPath": "/my/path",
             "rawQueryString": "parameter1=value1&parameter1=value2&parameter2=value",
             "cookies": ["cookie1=a", "access_token=xyz"],
             "headers": {"header1": "value1", "authorization": "Bearer abc"},
             "queryStringParameters": {"parameter1": "value1,value2", "parameter2": "value"},
             "requestContext": {"accountId": "123456789012", "apiId": "abcdef123",
                         "domainName": "id.execute-api.us-east-1.amazonaws.com", "domainPrefix": "id",
                         "http": {"method": "POST", "path": "/my/path", "protocol": "HTTP/1.1",
                                  "sourceIp": "192.0.2.1", "userAgent": "agent"},
                         "requestId": "id", "routeKey": "$default", "stage": "$default",
                         "time": "12/Mar/2020:19:03:58 +0000", "timeEpoch": 1583348638390},
             "pathParameters": {"parameter1": "value1"}, "stageVariables": {"stageVariable1": "value1"}}
            """;

    static final String WEBSOCKET = """
            {"type": "REQUEST",
             "methodArn": "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect",
             "headers": {"Host": "abcdef1234.execute-api.us-east-1.amazonaws.com",
                         "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
                         "Sec-WebSocket-Protocol": "bearer, xyz"},
             "multiValueHeaders": {"Host": ["abcdef1234.execute-api.us-east-1.amazonaws.com"],
                         "Sec-WebSocket-Key": ["dGhlIHNhbXBsZSBub25jZQ=="], "Sec-WebSocket-Version": ["13"],
                         "Sec-WebSocket-Protocol": ["bearer, xyz"]},
             "queryStringParameters": {"token": "xyz"},
             "multiValueQueryStringParameters": {"token": ["xyz"]},
             "stageVariables": {},
             "requestContext": {"routeKey": "$connect", "eventType": "CONNECT", "extendedRequestId": "e",
                         "requestTime": "09/Feb/2019:11:26:09 +0000", "messageDirection": "IN",
                         "stage": "prod", "connectedAt": 1549711569076, "requestTimeEpoch": 1549711569077,
                         "identity": {"sourceIp": "192.0.2.1"}, "requestId": "r",
                         "domainName": "abcdef1234.execute-api.us-east-1.amazonaws.com",
                         "connectionId": "Ut2jgfbfIAMCJ5Q=", "apiId": "abcdef1234"},
             "isBase64Encoded": false, "body": null}
            """;

    private static AuthorizerRequest read(String json) {
        return EventReader.read(Events.fromJson(json));
    }

    @Test
    void restTokenEventIsReadWithItsIdentityValueAndMethodArn() {
        AuthorizerRequest request = read("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer abc\",\"methodArn\":\""
                + REST_ARN + "\"}");
        assertEquals(ApiKind.REST_TOKEN, request.kind());
        assertEquals("Bearer abc", request.authorizationToken());
        assertEquals(REST_ARN, request.arn());
        assertTrue(request.headers().isEmpty());
    }

    @Test
    void restRequestEventIsReadWithHeadersQueryAndCookieHeader() {
        AuthorizerRequest request = read(REST_REQUEST);
        assertEquals(ApiKind.REST_REQUEST, request.kind());
        assertEquals(REST_ARN, request.arn());
        assertNull(request.authorizationToken());
        // The single-value and multi-value maps repeat each other: one value each, not two.
        assertEquals(List.of("Bearer abc"), request.header("Authorization"));
        assertEquals(List.of("theme=dark; access_token=xyz"), request.header("cookie"));
        assertEquals(List.of("queryValue1"), request.queryParameter("QueryString1"));
        assertTrue(request.cookies().isEmpty());
    }

    @Test
    void aCookiesArrayIsReadOnlyWherePayload20PutsIt() {
        // Payload 1.0 keeps cookies in the Cookie header; a cookies member there is nothing API Gateway sent.
        AuthorizerRequest request = read("{\"type\":\"REQUEST\",\"methodArn\":\"" + REST_ARN
                + "\",\"cookies\":[\"access_token=abc\"]}");
        assertEquals(List.of(), request.cookies());
    }

    @Test
    void httpApiPayload1EventIsItsOwnKindAndIgnoresItsAuthorizationTokenMember() {
        AuthorizerRequest request = read(HTTP_API_V1);
        assertEquals(ApiKind.HTTP_API_V1, request.kind());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request", request.arn());
        // Payload 1.0 copies the identity sources into authorizationToken; the sources are read instead.
        assertNull(request.authorizationToken());
        assertEquals(List.of("headerValue1"), request.header("headerauth1"));
    }

    @Test
    void httpApiPayload2EventIsReadFromRouteArnWithItsCookiesArray() {
        AuthorizerRequest request = read(HTTP_API_V2);
        assertEquals(ApiKind.HTTP_API_V2, request.kind());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/GET/request", request.arn());
        assertEquals(List.of("Bearer abc"), request.header("Authorization"));
        assertEquals(List.of("cookie1=a", "access_token=xyz"), request.cookies());
        // 2.0 joins repeated parameters with commas; the value is taken as API Gateway gives it.
        assertEquals(List.of("value1,value2"), request.queryParameter("parameter1"));
    }

    @Test
    void webSocketConnectEventIsReadFromItsMethodArn() {
        AuthorizerRequest request = read(WEBSOCKET);
        assertEquals(ApiKind.WEBSOCKET, request.kind());
        assertEquals(WEBSOCKET_ARN, request.arn());
        assertEquals(List.of("bearer, xyz"), request.header("sec-websocket-protocol"));
        assertEquals(List.of("xyz"), request.queryParameter("token"));
    }

    @Test
    void aRestPathThatIsLiterallyConnectIsNotAWebSocketEvent() {
        String json = REST_REQUEST.replace("s4x3opwd6i/test/GET/request", "s4x3opwd6i/test/GET/$connect");
        assertEquals(ApiKind.REST_REQUEST, read(json).kind());
        assertEquals(ApiKind.REST_REQUEST, read(REST_REQUEST.replace("s4x3opwd6i/test/GET/request",
                "s4x3opwd6i/test/GET/chat/$connect")).kind());
        assertEquals(ApiKind.HTTP_API_V1, read(HTTP_API_V1.replace("abcdef123/test/GET/request",
                "abcdef123/test/GET/$connect")).kind());
    }

    @Test
    void headerNamesAreCaseInsensitiveAndQueryNamesAreNot() {
        AuthorizerRequest request = read("""
                {"type":"REQUEST","methodArn":"%s","headers":{"X-Token":"a"},"queryStringParameters":{"Token":"q"}}
                """.formatted(REST_ARN));
        assertEquals(List.of("a"), request.header("x-token"));
        assertEquals(List.of("a"), request.header("X-TOKEN"));
        assertEquals(List.of("q"), request.queryParameter("Token"));
        assertEquals(List.of(), request.queryParameter("token"));
    }

    @Test
    void onlyAsciiLettersAreFoldedSoNoOtherHeaderPassesForACookieHeader() {
        // U+212A KELVIN SIGN lower-cases to an ASCII k in Java; "Coo\u212Aie" must stay another header.
        AuthorizerRequest request = read("""
                {"type":"REQUEST","methodArn":"%s","headers":{"Coo\u212Aie":"access_token=x","AUTHORIZATION":"a"}}
                """.formatted(REST_ARN));
        assertEquals(List.of(), request.header("cookie"));
        assertEquals(List.of("a"), request.header("authorization"));
    }

    @Test
    void multiValueMapsAreMergedWithTheSingleValueMapsKeepingEveryDistinctValue() {
        AuthorizerRequest request = read("""
                {"type":"REQUEST","methodArn":"%s",
                 "headers":{"Authorization":"second","X-Other":"o"},
                 "multiValueHeaders":{"authorization":["first","second"],"X-Only-Multi":["m1","m2"]},
                 "queryStringParameters":{"token":"b"},
                 "multiValueQueryStringParameters":{"token":["a","b"],"Token":["c"]}}
                """.formatted(REST_ARN));
        assertEquals(List.of("first", "second"), request.header("Authorization"));
        assertEquals(List.of("o"), request.header("x-other"));
        assertEquals(List.of("m1", "m2"), request.header("x-only-multi"));
        assertEquals(List.of("a", "b"), request.queryParameter("token"));
        assertEquals(List.of("c"), request.queryParameter("Token"));
    }

    @Test
    void theSameHeaderInTwoCasesKeepsBothValues() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "one");
        headers.put("authorization", "two");
        Map<String, Object> event = new HashMap<>(Map.of("type", "REQUEST", "methodArn", REST_ARN, "headers", headers));
        assertEquals(List.of("one", "two"), EventReader.read(event).header("AUTHORIZATION"));
    }

    @Test
    void membersOfTheWrongTypeCountAsAbsentAndNeverCrash() {
        AuthorizerRequest request = read("""
                {"type":"REQUEST","methodArn":"%s",
                 "headers":["Authorization","x"],
                 "multiValueHeaders":{"Authorization":"not-a-list","X-A":[1,null,{"a":"b"},["c"],"ok"],"X-B":null},
                 "queryStringParameters":{"token":5,"t2":null,"t3":{"a":"b"},"t4":["x"],"t5":true},
                 "multiValueQueryStringParameters":"token=x",
                 "cookies":"access_token=x"}
                """.formatted(REST_ARN));
        assertEquals(ApiKind.REST_REQUEST, request.kind());
        assertEquals(List.of(), request.header("authorization"));
        assertEquals(List.of("ok"), request.header("x-a"));
        assertTrue(request.query().isEmpty(), request.query().toString());
        assertTrue(request.cookies().isEmpty());

        AuthorizerRequest v2 = read("""
                {"version":"2.0","type":"REQUEST","routeArn":12,"headers":null,"cookies":[7,null,"a=b",["c=d"]],
                 "queryStringParameters":[]}
                """);
        assertEquals(ApiKind.HTTP_API_V2, v2.kind());
        assertNull(v2.arn());
        assertEquals(List.of("a=b"), v2.cookies());

        AuthorizerRequest token = read("{\"type\":\"TOKEN\",\"authorizationToken\":{\"a\":1},\"methodArn\":[\"x\"]}");
        assertNull(token.authorizationToken());
        assertNull(token.arn());
    }

    @Test
    void nonStringMapKeysAreIgnored() {
        Map<Object, Object> headers = new HashMap<>();
        headers.put(7, "Bearer x");
        headers.put(null, "Bearer y");
        headers.put("authorization", "Bearer z");
        Map<String, Object> event = new HashMap<>();
        event.put("type", "REQUEST");
        event.put("methodArn", REST_ARN);
        event.put("headers", headers);
        assertEquals(List.of("Bearer z"), EventReader.read(event).header("authorization"));
    }

    @Test
    void nullIsNoEvent() {
        assertThrows(UnrecognisedEventException.class, () -> EventReader.read(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"Records\":[{\"eventSource\":\"aws:s3\",\"s3\":{\"bucket\":{\"name\":\"b\"}}}]}",
            "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"hello\",\"messageId\":\"m\"}]}",
            "{\"type\":\"token\",\"authorizationToken\":\"Bearer x\",\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"request\",\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"version\":\"3.0\",\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"version\":\"3.0\",\"routeArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"version\":\"2.0\",\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"version\":\"1.0\",\"routeArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"version\":1.0,\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\",\"routeArn\":\"" + REST_ARN + "\"}",
            "{\"type\":\"REQUEST\"}",
            "{\"version\":\"2.0\",\"routeArn\":\"" + REST_ARN + "\",\"headers\":{}}",
            "{\"type\":[\"TOKEN\"],\"methodArn\":\"" + REST_ARN + "\"}",
            "{\"httpMethod\":\"GET\",\"path\":\"/books\",\"headers\":{\"Authorization\":\"Bearer x\"}}"})
    void eventsOfNoKnownKindAreRefused(String json) {
        assertThrows(UnrecognisedEventException.class, () -> read(json));
    }

    @Test
    void theDescriptionOfWhatArrivedNamesMembersAndNeverValues() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "token");
        event.put("version", SECRET);
        event.put("authorizationToken", "Bearer " + SECRET);
        event.put("headers", Map.of("Authorization", "Bearer " + SECRET));
        event.put("methodArn", REST_ARN);
        String description = assertThrows(UnrecognisedEventException.class, () -> EventReader.read(event)).getMessage();
        assertTrue(description.contains("authorizationToken"), description);
        assertTrue(description.contains("headers"), description);
        assertTrue(description.contains("type=token"), description);
        assertFalse(description.contains(SECRET), description);
        assertFalse(description.contains("eyJ"), description);
        assertFalse(description.contains("123456789012"), description);
    }

    @Test
    void theDescriptionIsBoundedAndPrintable() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "x\n{\"forged\":true}");
        for (int i = 0; i < 100; i++) {
            event.put("member" + i + "\u0000\n" + "x".repeat(200), i);
        }
        String description = EventReader.describe(event);
        assertTrue(description.length() < 2_000, description);
        assertFalse(description.chars().anyMatch(c -> c < ' ' || c > '~'), description);
        assertTrue(description.contains("type=(other)"), description);
        assertTrue(description.contains("..."), description);
    }
}
