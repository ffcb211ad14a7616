package dev.jwtauthorizer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer behind decision logs, CLI output and the files the CLI writes: compact or indented
 * JSON that our strict reader (and any other) reads back to the same value.
 */
class JsonWriterTest {
    private static final String GRINNING_FACE = new String(Character.toChars(0x1F600));

    @Test
    void compactOutputHasNoSpaces() {
        Map<String, Object> value = object("a", 1, "b", List.of(true, false, "x y"), "c", object(), "d", List.of(), "e", null);
        assertEquals("{\"a\":1,\"b\":[true,false,\"x y\"],\"c\":{},\"d\":[],\"e\":null}", Json.write(value));
    }

    @Test
    void membersAreWrittenInTheMapsOrder() {
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", Json.write(object("z", 1, "a", 2, "m", 3)));
    }

    @Test
    void quoteBackslashAndControlCharactersAreEscaped() {
        String text = "q\"b\\" + "\b\f\n\r\t" + (char) 0 + (char) 0x0B + (char) 0x1A + (char) 0x1F + "end";
        assertEquals("\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0000\\u000B\\u001A\\u001Fend\"", Json.write(text));
    }

    @Test
    void everyOtherCharacterIsWrittenAsItIs() {
        String text = "/<>&'" + (char) 0x7F + "\u00e9\u20ac" + (char) 0x2028 + (char) 0xFEFF + GRINNING_FACE;
        assertEquals('"' + text + '"', Json.write(text));
    }

    @Test
    void aMemberNameIsEscapedLikeAString() {
        assertEquals("{\"a\\\"\\n/\":1}", Json.write(object("a\"\n/", 1)));
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsAQuestionMark() {
        char high = 0xD83D;
        char low = 0xDE00;
        assertEquals("\"a?b\"", Json.write("a" + high + "b"));
        assertEquals("\"a?b\"", Json.write("a" + low + "b"));
        assertEquals("\"a?\"", Json.write("a" + high));
        assertEquals("\"??\"", Json.write("" + low + high));
        assertEquals("\"?" + GRINNING_FACE + "?\"", Json.write("" + high + high + low + high));
        assertEquals("{\"?\":\"?\"}", Json.write(object(String.valueOf(low), String.valueOf(high))));
    }

    @Test
    void nanAndInfinityAreWrittenAsStrings() {
        assertEquals("[\"NaN\",\"Infinity\",\"-Infinity\",\"NaN\",\"Infinity\"]",
                Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN, Float.POSITIVE_INFINITY)));
    }

    @Test
    void numbersAreWrittenSoTheyReadBackAsTheSameNumber() {
        assertEquals("[1,-2147483648,9223372036854775807,123456789012345678901234567890,1.5,-0.0,1.0E20,4.9E-324,7,8]",
                Json.write(List.of(1, Integer.MIN_VALUE, Long.MAX_VALUE, new BigInteger("123456789012345678901234567890"),
                        1.5, -0.0, 1e20, Double.MIN_VALUE, (short) 7, (byte) 8)));
    }

    @Test
    void prettyOutputIsIndentedByTwoSpaces() {
        Map<String, Object> value = object("a", 1, "b", List.of(true, object("c", null)), "d", object(), "e", List.of());
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    true,
                    {
                      "c": null
                    }
                  ],
                  "d": {},
                  "e": []
                }""", Json.writePretty(value));
    }

    @Test
    void emptyObjectsAndArraysAreWrittenEmpty() {
        assertEquals("{}", Json.write(object()));
        assertEquals("[]", Json.write(List.of()));
        assertEquals("{}", Json.writePretty(object()));
        assertEquals("[]", Json.writePretty(List.of()));
        assertEquals("[\n  {},\n  []\n]", Json.writePretty(List.of(object(), List.of())));
    }

    @Test
    void scalarsAreWrittenAlone() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("\"\"", Json.write(""));
        assertEquals("\"x\"", Json.writePretty("x"));
    }

    static Stream<Arguments> representativeValues() {
        List<Object> deep = new ArrayList<>();
        List<Object> innermost = deep;
        // 31 arrays around one object: as deep as the reader reads.
        for (int level = 2; level < Json.MAX_DEPTH; level++) {
            List<Object> next = new ArrayList<>();
            innermost.add(next);
            innermost = next;
        }
        innermost.add(object("deepest", "here"));
        return Stream.of(
                Arguments.of("a claim set", object("iss", "https://issuer.example/", "sub", "user-1", "aud", List.of("books-api", "admin"),
                        "exp", 1_900_000_000, "iat", 1_700_000_000, "scope", "read write", "email_verified", true, "nickname", null)),
                Arguments.of("a key set", object("keys", List.of(object("kty", "RSA", "kid", "rsa-1", "n", "0vx7agoebGcQSuu", "e", "AQAB"),
                        object("kty", "EC", "crv", "P-256", "x", "f83OJ3D2xF1B", "y", "x_FEzRu9m36H")))),
                Arguments.of("every number type", List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 2_147_483_648L, Long.MIN_VALUE,
                        new BigInteger("9223372036854775808"), new BigInteger("-98765432109876543210"), 0.1, -0.0, 1e-300, 1e300,
                        Double.MAX_VALUE, Double.MIN_VALUE, 123456.789)),
                Arguments.of("strings that need escapes", object("quote\"and\\", "\b\f\n\r\t" + (char) 0 + (char) 0x1F + (char) 0x7F,
                        "/", "\u00e9\u20ac" + GRINNING_FACE + (char) 0x2028, "", "")),
                Arguments.of("empty containers and nulls", List.of(object(), List.of(), Arrays.asList(null, null), object("a", object("b", List.of())))),
                Arguments.of("the deepest nesting read", deep),
                Arguments.of("a scalar", "just a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representativeValues")
    void whatIsWrittenReadsBackAsTheSameValue(String what, Object value) {
        JsonValues.assertSameValue(value, Json.read(Json.write(value)), () -> "compact: " + Json.write(value));
        JsonValues.assertSameValue(value, Json.read(Json.writePretty(value)), () -> "indented: " + Json.writePretty(value));
    }

    private static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }
}
