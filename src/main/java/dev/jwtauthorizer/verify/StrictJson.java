package dev.jwtauthorizer.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The strict reading of a token's header and payload that java-jwt does not do.
 *
 * <p>java-jwt reads the JSON leniently: invalid UTF-8 turns into U+FFFD, a repeated member silently
 * replaces the first, text after the object is ignored, and a number or an object passes as
 * {@code alg} or {@code kid}. Each of those lets two readers of the same signed bytes (this
 * authorizer and the backend, or an attacker's model of it) see different claims, so a token
 * showing any of them is refused before anything else reads it. RFC 7515 allows refusing duplicate
 * members; RFC 8259 requires UTF-8.
 */
final class StrictJson {
    /** Deep enough for any real claim set (Keycloak's realm_access.roles is 3), far below Jackson's limit. */
    static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final Set<String> HEADER_TEXT = Set.of("alg", "kid", "typ", "cty");
    private static final Set<String> PAYLOAD_TEXT = Set.of("iss", "sub", "jti");

    private StrictJson() {
    }

    /** @param compactJws three non-empty base64url segments, as {@code BearerToken} guarantees */
    static boolean isStrict(String compactJws) {
        int first = compactJws.indexOf('.');
        int second = compactJws.indexOf('.', first + 1);
        return isStrictObject(compactJws.substring(0, first), HEADER_TEXT, false)
                && isStrictObject(compactJws.substring(first + 1, second), PAYLOAD_TEXT, true);
    }

    private static boolean isStrictObject(String segment, Set<String> textMembers, boolean isPayload) {
        String json;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(segment);
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_OBJECT || !parser.getParsingContext().inRoot()) {
                if (token == null) {
                    return false;
                }
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot()
                        && !hasExpectedType(parser, parser.currentName(), textMembers, isPayload)) {
                    return false;
                }
            }
            // Nothing may follow the object: "{}x" and "{}{}" are not one JSON object.
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Reads the member's value; false when a member that must be text (or aud) is something else. */
    private static boolean hasExpectedType(JsonParser parser, String name, Set<String> textMembers, boolean isPayload)
            throws IOException {
        JsonToken value = parser.nextToken();
        if (textMembers.contains(name)) {
            // null reads as absent, here and in java-jwt alike, so it cannot be read two ways.
            return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
        }
        if (isPayload && name.equals("aud")) {
            if (value == JsonToken.START_ARRAY) {
                while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (value != JsonToken.VALUE_STRING) {
                        return false;
                    }
                }
                return true;
            }
            return value == JsonToken.VALUE_STRING;
        }
        return true;
    }
}
