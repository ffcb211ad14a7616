package dev.jwtauthorizer.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Recognises an API Gateway authorizer event by its shape and reads what a decision needs from it.
 * Only the members API Gateway itself fills are read; a member of the wrong type counts as absent,
 * so odd input can only lose a token (401), never invent one.
 */
public final class EventReader {
    private static final int MAX_NAMES_DESCRIBED = 20;
    private static final int MAX_NAME_LENGTH = 40;

    private EventReader() {
    }

    /** @throws UnrecognisedEventException when the event is of no kind this authorizer answers */
    public static AuthorizerRequest read(Map<String, Object> event) {
        if (event == null) {
            throw new UnrecognisedEventException("no event (null)");
        }
        Object type = event.get("type");
        Object version = event.get("version");
        if ("TOKEN".equals(type)) {
            return AuthorizerRequest.token(text(event, "authorizationToken"), text(event, "methodArn"));
        }
        if ("REQUEST".equals(type) && "2.0".equals(version) && event.containsKey("routeArn")) {
            return new AuthorizerRequest(ApiKind.HTTP_API_V2, text(event, "routeArn"), null,
                    values(event.get("headers"), null, true), values(event.get("queryStringParameters"), null, false),
                    cookies(event), identitySource(event.get("identitySource")));
        }
        // REST and WebSocket events carry no version; HTTP API payload 1.0 says "1.0". Any other
        // version is a payload this reader does not know, however familiar its other members look.
        if ("REQUEST".equals(type) && event.containsKey("methodArn") && (version == null || "1.0".equals(version))) {
            String methodArn = text(event, "methodArn");
            ApiKind kind = isWebSocketConnect(methodArn) ? ApiKind.WEBSOCKET
                    : "1.0".equals(version) ? ApiKind.HTTP_API_V1 : ApiKind.REST_REQUEST;
            return new AuthorizerRequest(kind, methodArn, null,
                    values(event.get("headers"), event.get("multiValueHeaders"), true),
                    values(event.get("queryStringParameters"), event.get("multiValueQueryStringParameters"), false),
                    List.of(), kind == ApiKind.HTTP_API_V1 ? identitySource(event.get("identitySource")) : List.of());
        }
        throw new UnrecognisedEventException(describe(event));
    }

    /** {@code arn:...:{apiId}/{stage}/$connect}: a route key where REST and HTTP APIs have a verb and a path. */
    private static boolean isWebSocketConnect(String methodArn) {
        if (methodArn == null) {
            return false;
        }
        int resource = methodArn.indexOf('/');
        return resource > 0 && methodArn.indexOf('/', resource + 1) == methodArn.lastIndexOf('/')
                && methodArn.endsWith("/$connect");
    }

    /**
     * Every value per name, from the single-value map and the multi-value map of payload 1.0 (which
     * repeats the last value): a name given twice with different values stays visible as two values.
     */
    private static Map<String, List<String>> values(Object single, Object multi, boolean caseInsensitive) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (multi instanceof Map<?, ?> lists) {
            lists.forEach((name, list) -> {
                if (name instanceof String key && list instanceof List<?> entries) {
                    entries.forEach(entry -> add(values, key, entry, caseInsensitive));
                }
            });
        }
        if (single instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (name instanceof String key) {
                    add(values, key, value, caseInsensitive);
                }
            });
        }
        return values;
    }

    private static void add(Map<String, List<String>> values, String name, Object value, boolean caseInsensitive) {
        if (value instanceof String text) {
            String key = caseInsensitive ? AuthorizerRequest.headerKey(name) : name;
            List<String> list = values.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(text)) {
                list.add(text);
            }
        }
    }

    /** A payload 2.0 event's cookies array, one pair per entry (payload 1.0 keeps them in the Cookie header). */
    private static List<String> cookies(Map<String, Object> event) {
        List<String> cookies = new ArrayList<>();
        if (event.get("cookies") instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof String text) {
                    cookies.add(text);
                }
            }
        }
        return cookies;
    }

    /**
     * Payload 2.0's array, or payload 1.0's values joined by commas: each string as it is. An entry of
     * another type reads as null, so that it can hold no credential, and the list stays non-empty.
     */
    private static List<String> identitySource(Object member) {
        List<String> values = new ArrayList<>();
        if (member instanceof String joined && !joined.isEmpty()) {
            values.add(joined);
        } else if (member instanceof List<?> entries) {
            for (Object entry : entries) {
                values.add(entry instanceof String text ? text : null);
            }
        }
        return values;
    }

    private static String text(Map<String, Object> event, String member) {
        return event.get(member) instanceof String text ? text : null;
    }

    /** The event's shape for the log: type, version and member names, bounded, never a value. */
    static String describe(Map<String, Object> event) {
        TreeSet<String> names = new TreeSet<>();
        for (Object name : event.keySet()) {
            if (names.size() == MAX_NAMES_DESCRIBED) {
                names.add("...");
                break;
            }
            names.add(safe(String.valueOf(name)));
        }
        return "type=" + shortWord(event.get("type")) + " version=" + shortWord(event.get("version"))
                + " members=" + names;
    }

    private static String shortWord(Object value) {
        return value instanceof String text && text.length() <= 16 && text.chars().allMatch(c -> c == '.'
                || Character.isLetterOrDigit(c) && c < 128) ? text : value == null ? "none" : "(other)";
    }

    private static String safe(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < MAX_NAME_LENGTH; i++) {
            char c = name.charAt(i);
            out.append(c >= ' ' && c < 127 ? c : '?');
        }
        return name.length() > MAX_NAME_LENGTH ? out + "..." : out.toString();
    }
}
