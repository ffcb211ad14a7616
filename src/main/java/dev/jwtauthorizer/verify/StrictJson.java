package dev.jwtauthorizer.verify;

import dev.jwtauthorizer.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strict reading of a token's header or payload: the one reading every later check sees.
 *
 * <p>A lenient reader (java-jwt's among them) turns invalid UTF-8 into U+FFFD, lets a repeated
 * member silently replace the first, ignores text after the object, and passes a number or an
 * object as {@code alg} or {@code kid}. Each of those lets two readers of the same signed bytes
 * (this authorizer and the backend, or an attacker's model of it) see different claims, so a
 * segment showing any of them is refused. RFC 7515 allows refusing duplicate members; RFC 8259
 * requires UTF-8.
 */
final class StrictJson {
    private static final Set<String> HEADER_TEXT = Set.of("alg", "kid", "typ", "cty");
    private static final Set<String> PAYLOAD_TEXT = Set.of("iss", "sub", "jti");

    private StrictJson() {
    }

    /** The members of the base64url header segment {@code token[from, to)}, or null when it is not a strict JSON object. */
    static Map<String, Object> header(byte[] token, int from, int to) {
        Map<String, Object> header = object(token, from, to);
        return header != null && textMembersAreText(header, HEADER_TEXT) ? header : null;
    }

    /** The claims of the base64url payload segment {@code token[from, to)}, or null when it is not a strict JSON object. */
    static Map<String, Object> payload(byte[] token, int from, int to) {
        Map<String, Object> claims = object(token, from, to);
        return claims != null && textMembersAreText(claims, PAYLOAD_TEXT) && isAudience(claims) ? claims : null;
    }

    private static Map<String, Object> object(byte[] token, int from, int to) {
        try {
            return Json.asObject(Json.read(DecodedToken.base64url(token, from, to)));
        } catch (RuntimeException e) {
            // Bad base64, not JSON, a repeated member, too deep: all malformed, none an internal error.
            return null;
        }
    }

    /** null reads as absent, here and in every later check alike, so it cannot be read two ways. */
    private static boolean textMembersAreText(Map<String, Object> object, Set<String> textMembers) {
        for (String name : textMembers) {
            Object value = object.get(name);
            if (value != null && !(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** aud is a string or an array of strings (RFC 7519 section 4.1.3); present but null is neither. */
    private static boolean isAudience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        if (aud instanceof List<?> list) {
            for (Object audience : list) {
                if (!(audience instanceof String)) {
                    return false;
                }
            }
            return true;
        }
        return aud instanceof String || !claims.containsKey("aud");
    }
}
