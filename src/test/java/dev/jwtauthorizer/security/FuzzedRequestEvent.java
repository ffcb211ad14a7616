package dev.jwtauthorizer.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One REQUEST-kind authorizer event (REST REQUEST, HTTP API payload 1.0 or 2.0, WebSocket
 * $connect), built from placements, with the harness's own account of what its token sources
 * (header:Authorization, cookie:access_token, query:access_token, protocol:bearer) hold.
 *
 * <p>The account is kept as each value is placed, by rules simple enough to read off: a configured
 * place (the exact configured name; header names in any ASCII case) holding a credential in a form
 * that place reads holds that credential; holding anything else that is not empty, it holds a
 * different token. Look-alike names, names starting "x-" and members the kind does not carry are
 * never read. Fuzzed free text in a configured place could be anything, a genuine token included:
 * it makes the account uncertain. The finished event is never parsed back.
 */
final class FuzzedRequestEvent {
    enum Kind { REST_REQUEST, HTTP_API_V1, HTTP_API_V2, WEBSOCKET }

    /** Where a payload 1.0 header or parameter goes: the single-value map, the multi-value map, or both. */
    enum Spread { SINGLE, MULTI, BOTH }

    static final String ARN_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";
    static final String COOKIE = "access_token";
    static final String QUERY = "access_token";
    static final String MARKER = "bearer";
    /** Authorization header schemes: the first four are read, the rest make a different credential. */
    static final String[] SCHEMES = {"", "Bearer ", "bearer ", "BEARER ", "Basic ", "Token "};
    private static final int READ_SCHEMES = 4;
    /** The last two are payload 1.0's multi-value maps, unread only in a 2.0 event. */
    private static final List<String> UNREAD_MEMBERS = List.of("authorizationToken", "pathParameters",
            "stageVariables", "multiValueHeaders", "multiValueQueryStringParameters");

    private final Kind kind;
    private final boolean simpleResponses;
    private final String route;
    private final Map<String, Object> headers = new LinkedHashMap<>();
    private final Map<String, Object> multiValueHeaders = new LinkedHashMap<>();
    private final Map<String, Object> query = new LinkedHashMap<>();
    private final Map<String, Object> multiValueQuery = new LinkedHashMap<>();
    private final List<Object> cookies = new ArrayList<>();
    /** Members this kind of event does not carry, or carries but never as a token source. */
    private final Map<String, Object> unread = new LinkedHashMap<>();
    private final Set<Credential> genuineRead = new LinkedHashSet<>();
    private boolean differentRead;
    private boolean freeTextRead;
    private final List<String> placements = new ArrayList<>();
    private Spread spread = Spread.BOTH;

    /** @param route "VERB /path" for REST and HTTP APIs; ignored for WebSocket, always $connect */
    FuzzedRequestEvent(Kind kind, boolean simpleResponses, String route) {
        this.kind = kind;
        this.simpleResponses = simpleResponses;
        this.route = kind == Kind.WEBSOCKET ? "$connect" : route;
    }

    Kind kind() {
        return kind;
    }

    boolean simpleResponses() {
        return simpleResponses;
    }

    /** The answer is an HTTP API simple response: only for payload 2.0 with simple responses set. */
    boolean answersSimply() {
        return kind == Kind.HTTP_API_V2 && simpleResponses;
    }

    String route() {
        return route;
    }

    /** The genuine tokens the configured places hold, by the harness's account. */
    Set<Credential> genuineRead() {
        return genuineRead;
    }

    /** A configured place holds something that is no genuine token. */
    boolean differentRead() {
        return differentRead;
    }

    /** Free text sits in a configured place: it may hold anything. */
    boolean freeTextRead() {
        return freeTextRead;
    }

    FuzzedRequestEvent spread(Spread spread) {
        this.spread = spread;
        return this;
    }

    /** The Authorization header under this ASCII case variant, with one of {@link #SCHEMES}. */
    FuzzedRequestEvent authorization(int caseBits, String scheme, Credential credential) {
        String name = caseVariant(kind == Kind.HTTP_API_V2 ? "authorization" : "Authorization", caseBits);
        if (header(name, scheme + credential.compact())) {
            boolean read = List.of(SCHEMES).subList(0, READ_SCHEMES).contains(scheme);
            account(read ? credential : Credential.GARBAGE, "header " + name + ": " + scheme + credential);
        }
        return this;
    }

    /** A Cookie header (name in this ASCII case variant) of these pairs, joined by the separator. */
    FuzzedRequestEvent cookieHeader(int caseBits, List<CookiePair> pairs, String separator) {
        String name = caseVariant(kind == Kind.HTTP_API_V2 ? "cookie" : "Cookie", caseBits);
        if (header(name, String.join(separator, pairs.stream().map(CookiePair::pair).toList()))) {
            pairs.forEach(pair -> accountCookie(pair, "cookie header " + name));
        }
        return this;
    }

    /** One entry of the payload 2.0 cookies array; other kinds carry cookies in a Cookie header. */
    FuzzedRequestEvent cookiesEntry(CookiePair pair) {
        if (kind != Kind.HTTP_API_V2) {
            return cookieHeader(0, List.of(pair), "; ");
        }
        cookies.add(pair.pair());
        accountCookie(pair, "cookies array");
        return this;
    }

    FuzzedRequestEvent query(String name, Credential credential) {
        if (put(query, multiValueQuery, name, credential.compact())) {
            if (name.equals(QUERY)) {
                account(credential, "query " + name);
            } else {
                placements.add("query " + name + ": " + credential);
            }
        }
        return this;
    }

    /**
     * A Sec-WebSocket-Protocol header of these entries: each is {@link #MARKER}, another subprotocol
     * name, or a credential. The entry right after each marker is read; a marker last reads nothing.
     */
    FuzzedRequestEvent protocol(int caseBits, List<Object> entries, String separator) {
        String name = caseVariant(kind == Kind.HTTP_API_V2 ? "sec-websocket-protocol" : "Sec-WebSocket-Protocol", caseBits);
        List<String> texts = entries.stream().map(e -> e instanceof Credential c ? c.compact() : (String) e).toList();
        if (header(name, String.join(separator, texts))) {
            placements.add("protocol header " + name + ": " + entries);
            for (int i = 0; i + 1 < entries.size(); i++) {
                if (MARKER.equals(entries.get(i))) {
                    account(entries.get(i + 1) instanceof Credential c ? c : Credential.GARBAGE, "  entry after the marker");
                }
            }
        }
        return this;
    }

    /** A header whose name is none of the configured ones ("x-...", a look-alike): never read. */
    FuzzedRequestEvent otherHeader(String name, String value) {
        if (header(name, value)) {
            placements.add("other header " + name);
        }
        return this;
    }

    FuzzedRequestEvent otherQuery(String name, String value) {
        if (put(query, multiValueQuery, name, value)) {
            placements.add("other query " + name);
        }
        return this;
    }

    /**
     * A credential in a member no token source reads: a TOKEN event's authorizationToken, path
     * parameters, stage variables, and in a 2.0 event the multi-value maps that only payload 1.0 has.
     * (An HTTP API's identitySource is read: it must hold the credential, IdentitySourceTest.)
     */
    FuzzedRequestEvent unreadMember(int which, Credential credential) {
        String value = "Bearer " + credential.compact();
        int index = Math.floorMod(which, kind == Kind.HTTP_API_V2 ? UNREAD_MEMBERS.size() : 3);
        unread.put(UNREAD_MEMBERS.get(index), switch (index) {
            case 0 -> value;
            case 1, 2 -> Map.of(QUERY, credential.compact());
            case 3 -> Map.of("authorization", List.of(value));
            default -> Map.of(QUERY, List.of(credential.compact()));
        });
        placements.add("unread member " + UNREAD_MEMBERS.get(index) + ": " + credential);
        return this;
    }

    /** Fuzzed text as a configured place's whole value: 0 Authorization, 1 Cookie, 2 query, 3 Sec-WebSocket-Protocol. */
    FuzzedRequestEvent freeText(int which, String text) {
        boolean placed = switch (Math.floorMod(which, 4)) {
            case 0 -> header(kind == Kind.HTTP_API_V2 ? "authorization" : "Authorization", text);
            case 1 -> header(kind == Kind.HTTP_API_V2 ? "cookie" : "Cookie", text);
            case 2 -> put(query, multiValueQuery, QUERY, text);
            default -> header(kind == Kind.HTTP_API_V2 ? "sec-websocket-protocol" : "Sec-WebSocket-Protocol", text);
        };
        if (placed) {
            freeTextRead = true;
            placements.add("free text " + Math.floorMod(which, 4));
        }
        return this;
    }

    /** The event as the Lambda runtime would hand it over. */
    Map<String, Object> event() {
        Map<String, Object> event = new LinkedHashMap<>(unread);
        event.put("type", "REQUEST");
        switch (kind) {
            case HTTP_API_V2 -> {
                event.put("version", "2.0");
                event.put("routeArn", arn());
                event.put("routeKey", route.replace("/42", "/{id}"));
                event.put("rawPath", route.substring(route.indexOf(' ') + 1));
                if (!cookies.isEmpty()) {
                    event.put("cookies", new ArrayList<>(cookies));
                }
            }
            case HTTP_API_V1, REST_REQUEST, WEBSOCKET -> {
                if (kind == Kind.HTTP_API_V1) {
                    event.put("version", "1.0");
                }
                event.put("methodArn", arn());
                event.put("multiValueHeaders", multiValueHeaders.isEmpty() ? null : multiValueHeaders);
                event.put("multiValueQueryStringParameters", multiValueQuery.isEmpty() ? null : multiValueQuery);
            }
        }
        event.put("headers", headers.isEmpty() ? null : headers);
        event.put("queryStringParameters", query.isEmpty() ? null : query);
        return event;
    }

    /** The ARN API Gateway checks a policy against: the routeArn of payload 2.0, else the methodArn. */
    String arn() {
        return switch (kind) {
            case WEBSOCKET -> ARN_PREFIX + "prod/$connect";
            case HTTP_API_V1, HTTP_API_V2 -> ARN_PREFIX + "$default/" + route.replace(" ", "");
            case REST_REQUEST -> ARN_PREFIX + "prod/" + route.replace(" ", "");
        };
    }

    @Override
    public String toString() {
        return kind + (simpleResponses ? " (simple)" : " (policy)") + " " + route + " " + placements;
    }

    private void accountCookie(CookiePair pair, String where) {
        if (pair.read()) {
            account(pair.credential(), where + " " + pair);
        } else {
            placements.add(where + " " + pair);
        }
    }

    /** Counts what a configured place holds; GARBAGE stands for any value that is no genuine token. */
    private void account(Credential credential, String where) {
        placements.add(where + " -> " + credential);
        if (credential.genuine()) {
            genuineRead.add(credential);
        } else {
            differentRead = true;
        }
    }

    /** @return false when payload 2.0 already has a header of exactly this name, which it cannot repeat */
    private boolean header(String name, String value) {
        return put(headers, multiValueHeaders, name, value);
    }

    /**
     * Puts a value where this kind carries it, never over an earlier one (so that everything placed
     * stays in the event): payload 2.0 has single values only; 1.0 has both maps.
     */
    private boolean put(Map<String, Object> single, Map<String, Object> multi, String name, String value) {
        boolean singleFree = !single.containsKey(name);
        if (kind == Kind.HTTP_API_V2) {
            if (singleFree) {
                single.put(name, value);
            }
            return singleFree;
        }
        if (spread != Spread.MULTI && singleFree) {
            single.put(name, value);
        }
        if (spread != Spread.SINGLE || !singleFree) {
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) multi.computeIfAbsent(name, n -> new ArrayList<>());
            values.add(value);
        }
        return true;
    }

    /** The name with the case of its ASCII letters flipped where the bits say. */
    static String caseVariant(String name, int bits) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if ((bits >>> (i % 32) & 1) == 1 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                chars[i] = (char) (c ^ 0x20);
            }
        }
        return new String(chars);
    }
}
