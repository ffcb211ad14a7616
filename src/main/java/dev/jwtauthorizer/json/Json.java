package dev.jwtauthorizer.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON as plain Java values, with a reader and writer of our own.
 *
 * <p>Objects read as {@link LinkedHashMap}, arrays as {@code ArrayList}, numbers as Integer, Long,
 * BigInteger or Double, JSON null as Java null. A JSON library would do the same job at a cost of
 * tens of classes and milliseconds at cold start and half the Java time of a warm request
 * (docs/PERFORMANCE.md), and would still need settings and wrapping to be this strict.
 *
 * <p>Reading is strict: a repeated member, nesting deeper than {@value #MAX_DEPTH} levels, bytes
 * that are not UTF-8, a byte order mark, a lone surrogate or text after the value is an error, not
 * a last-wins or lenient read.
 */
public final class Json {
    /** Deep enough for any real claim set or key set. */
    public static final int MAX_DEPTH = 32;

    private Json() {
    }

    /** @throws IllegalArgumentException saying why the text is not exactly one strict JSON value */
    public static Object read(String text) {
        return JsonReader.read(text);
    }

    /** @throws IllegalArgumentException saying why the bytes are not exactly one strict JSON value */
    public static Object read(byte[] utf8) {
        // One pass over the bytes finds what the reader needs to know. Their least byte, as a signed
        // value, is negative when one is not ASCII and below 0x20 when one is a control character;
        // a running minimum has no branch on the bytes, and the JIT makes a tight loop of it (0.1 µs
        // for an event of 700 bytes at C2, against 0.45 µs for the OR of three tests a byte before it).
        byte least = Byte.MAX_VALUE;
        for (byte b : utf8) {
            least = b < least ? b : least;
        }
        if (least < 0) {
            return JsonReader.read(strictUtf8(utf8), false);
        }
        // All ASCII, the common case (every token): one copy, no decoder. Text with no control
        // character and no backslash has strings that end at their next quote, found by one
        // vectorised search instead of a check of each character.
        String text = new String(utf8, StandardCharsets.ISO_8859_1);
        return JsonReader.read(text, least >= 0x20 && text.indexOf('\\') < 0);
    }

    /**
     * Strict UTF-8: a malformed sequence is refused where a lenient decoder writes U+FFFD.
     *
     * @throws IllegalArgumentException when the bytes are not UTF-8
     */
    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8 text");
        }
    }

    /** The value as an object, or null when it is JSON but not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asObject(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    /** The member's value if it is a string, else null. */
    public static String text(Map<String, Object> object, String member) {
        return object.get(member) instanceof String text ? text : null;
    }

    /** Maps, lists, strings, numbers, booleans and null as JSON; anything else as its string. */
    public static String write(Object value) {
        return JsonWriter.write(value, false);
    }

    /** Like {@link #write(Object)}, indented for a file a person reads and edits. */
    public static String writePretty(Object value) {
        return JsonWriter.write(value, true);
    }
}
