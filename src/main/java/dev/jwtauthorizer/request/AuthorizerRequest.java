package dev.jwtauthorizer.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What one authorizer event carries that a decision may use, whatever its kind.
 *
 * @param arn                the methodArn, or the routeArn of an HTTP API payload 2.0 event; may be null
 * @param authorizationToken a TOKEN event's identity value; null for other kinds
 * @param headers            every value of each header, by lower-cased name
 * @param query              every value of each query string parameter, by exact name
 * @param cookies            the entries of a payload 2.0 event's cookies array, one pair each (payload
 *                           1.0 carries cookies in the Cookie header)
 * @param identitySource     an HTTP API event's identity source values, under which API Gateway caches
 *                           the answer; empty when the event names none (REST and WebSocket events never do)
 */
public record AuthorizerRequest(ApiKind kind, String arn, String authorizationToken,
                                Map<String, List<String>> headers, Map<String, List<String>> query,
                                List<String> cookies, List<String> identitySource) {
    public AuthorizerRequest {
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
        cookies = List.copyOf(cookies);
        identitySource = Collections.unmodifiableList(new ArrayList<>(identitySource));
    }

    /** A request whose event names no identity source. */
    public AuthorizerRequest(ApiKind kind, String arn, String authorizationToken, Map<String, List<String>> headers,
                             Map<String, List<String>> query, List<String> cookies) {
        this(kind, arn, authorizationToken, headers, query, cookies, List.of());
    }

    /** A REST API TOKEN event. */
    public static AuthorizerRequest token(String authorizationToken, String methodArn) {
        return new AuthorizerRequest(ApiKind.REST_TOKEN, methodArn, authorizationToken, Map.of(), Map.of(), List.of());
    }

    /** Every value of a header, whatever the case of its name. */
    public List<String> header(String name) {
        return headers.getOrDefault(headerKey(name), List.of());
    }

    /**
     * A header name in lower case, ASCII letters only: field names are ASCII (RFC 9110), and a full
     * Unicode lower-casing would let another name pass for a configured one ("Coo" U+212A "ie", with a
     * Kelvin sign for the k, becomes "cookie").
     */
    static String headerKey(String name) {
        StringBuilder key = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (key == null) {
                    key = new StringBuilder(name);
                }
                key.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return key == null ? name : key.toString();
    }

    public List<String> queryParameter(String name) {
        return query.getOrDefault(name, List.of());
    }

    /**
     * Whether an answer for this credential may be cached under this event's identity source values:
     * when the event names any, one of them must hold the credential, or a later request with the
     * same values and no credential would get this answer from API Gateway's cache. A cookie's value
     * lies inside the Cookie header's; an event that names none (caching off, or a REST or WebSocket
     * event, whose cache key is not in the event) passes.
     */
    public boolean identitySourceHolds(Credential credential) {
        if (identitySource.isEmpty()) {
            return true;
        }
        // The credential itself, not its scheme: whoever holds it may send it from any source.
        String bare = credential.bare();
        for (String value : identitySource) {
            if (value != null && value.contains(bare)) {
                return true;
            }
        }
        return false;
    }
}
