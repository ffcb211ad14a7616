package dev.jwtauthorizer.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, read and written with jackson-core's streaming API alone.
 *
 * <p>Objects read as {@link LinkedHashMap}, arrays as {@link ArrayList}, numbers as Integer, Long,
 * BigInteger or Double, JSON null as Java null. jackson-databind's ObjectMapper does the same job
 * but costs tens of milliseconds of class loading and set-up at cold start and a tree walk per
 * request (docs/PERFORMANCE.md), so nothing on the request path uses it.
 *
 * <p>Reading is strict: a repeated member, nesting deeper than {@value #MAX_DEPTH} levels or text
 * after the value is an error, not a last-wins or lenient read.
 */
public final class Json {
    /** Deep enough for any real claim set or key set, far below Jackson's own limit. */
    public static final int MAX_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private Json() {
    }

    /** @throws IllegalArgumentException saying why the text is not exactly one strict JSON value */
    public static Object read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return readAll(parser);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /** @throws IllegalArgumentException saying why the bytes are not exactly one strict JSON value */
    public static Object read(byte[] utf8) {
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            return readAll(parser);
        } catch (IOException e) {
            throw notJson(e);
        }
    }

    /**
     * Where the text stopped being JSON and what kind of mistake it was, never the text itself:
     * Jackson's own messages quote the input ("Unrecognized token 'root'"), and the input may be a
     * file named by mistake, a token or a secret. A repeated member is named, as finding it needs
     * the name and a JSON member name is not content worth hiding.
     */
    private static IllegalArgumentException notJson(IOException e) {
        String original = e instanceof JsonProcessingException problem ? problem.getOriginalMessage() : null;
        String category = category(e, original == null ? "" : original);
        JsonLocation location = e instanceof JsonProcessingException problem ? problem.getLocation() : null;
        return new IllegalArgumentException(category + at(location));
    }

    private static String category(IOException e, String original) {
        if (e instanceof StreamConstraintsException) {
            return original.contains("nesting depth") ? "nested deeper than " + MAX_DEPTH + " levels" : "a value over Jackson's size limits";
        }
        if (original.startsWith("Duplicate field '")) {
            return original;
        }
        if (e instanceof CharConversionException || original.startsWith("Invalid UTF-8")) {
            return "not UTF-8 text";
        }
        if (original.startsWith("Unexpected end-of-input")) {
            return "unexpected end of the text";
        }
        if (original.startsWith("Unrecognized token")) {
            return "a word that is not a JSON value";
        }
        if (original.startsWith("Illegal unquoted character")) {
            return "a control character inside a string";
        }
        if (original.startsWith("Unrecognized character escape")) {
            return "an invalid escape inside a string";
        }
        if (original.contains("umeric value")) {
            return "an invalid number";
        }
        if (original.startsWith("Unexpected character") || original.startsWith("Illegal character")) {
            return "an unexpected character";
        }
        return "malformed JSON";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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
        return write(value, false);
    }

    /** Like {@link #write(Object)}, indented for a file a person reads and edits. */
    public static String writePretty(Object value) {
        return write(value, true);
    }

    private static String write(Object value, boolean indented) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (indented) {
                generator.useDefaultPrettyPrinter();
            }
            writeValue(generator, value);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static Object readAll(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new IllegalArgumentException("no value");
        }
        Object value = readValue(parser, first);
        // "{}x" and "{}{}" are not one JSON value.
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("text after the value" + at(parser.currentTokenLocation()));
        }
        return value;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, readValue(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                JsonToken element;
                while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(readValue(parser, element));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected " + token);
        }
    }

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                generator.writeFieldName(String.valueOf(member.getKey()));
                writeValue(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.doubleValue());
        } else {
            generator.writeString(value.toString());
        }
    }
}
