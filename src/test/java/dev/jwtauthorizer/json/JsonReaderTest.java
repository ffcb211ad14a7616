package dev.jwtauthorizer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict reader every token, key set, secret and configuration file goes through. What it
 * accepts it reads as exactly one value with exact types; what another reader could read
 * differently it refuses, saying what and where, never quoting the text (it may be a secret:
 * every refused text here holds "hunter2", and no message may repeat it).
 *
 * <p>Characters Java source cannot show are written {@code <XXXX>} (U+XXXX) and put in by {@link #chars}.
 */
class JsonReaderTest {
    private static final String SECRET = "hunter2";
    private static final Pattern POSITION = Pattern.compile(" at line \\d+, column \\d+");
    private static final String GRINNING_FACE = new String(Character.toChars(0x1F600));

    // --- values

    @Test
    void anObjectIsALinkedHashMapInMemberOrder() {
        Object value = Json.read("{\"z\":1,\"a\":{\"y\":2,\"b\":3},\"m\":[]}");

        assertEquals(LinkedHashMap.class, value.getClass());
        Map<String, Object> object = Json.asObject(value);
        assertEquals(List.of("z", "a", "m"), List.copyOf(object.keySet()));
        assertEquals(LinkedHashMap.class, object.get("a").getClass());
        assertEquals(List.of("y", "b"), List.copyOf(Json.asObject(object.get("a")).keySet()));
        assertEquals(ArrayList.class, object.get("m").getClass());
    }

    @Test
    void anArrayIsAnArrayListOfExactlyTypedElements() {
        Object value = Json.read("[1, \"1\", 1.0, true, false, null, {}, []]");

        assertEquals(ArrayList.class, value.getClass());
        List<?> elements = (List<?>) value;
        assertEquals(8, elements.size());
        assertEquals(Integer.valueOf(1), elements.get(0));
        assertEquals("1", elements.get(1));
        assertEquals(Double.valueOf(1.0), elements.get(2));
        assertEquals(Boolean.TRUE, elements.get(3));
        assertEquals(Boolean.FALSE, elements.get(4));
        assertNull(elements.get(5));
        assertEquals(Map.of(), elements.get(6));
        assertEquals(List.of(), elements.get(7));
    }

    @Test
    void literalsAreBooleansAndNull() {
        assertEquals(Boolean.TRUE, Json.read("true"));
        assertEquals(Boolean.FALSE, Json.read("false"));
        assertNull(Json.read("null"));
        assertNull(Json.read(" null\n"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|Integer", "-0|Integer", "7|Integer", "2147483647|Integer", "-2147483648|Integer",
            "2147483648|Long", "-2147483649|Long", "100000000000000000|Long", "-999999999999999999|Long",
            "9223372036854775807|Long", "-9223372036854775808|Long",
            "9223372036854775808|BigInteger", "-9223372036854775809|BigInteger",
            "123456789012345678901234567890|BigInteger"})
    void anIntegerIsTheSmallestOfIntegerLongAndBigIntegerThatHoldsIt(String text, String type) {
        Object expected = switch (type) {
            case "Integer" -> Integer.valueOf(text);
            case "Long" -> Long.valueOf(text);
            default -> new BigInteger(text);
        };
        Object value = Json.read(text);

        assertEquals(expected.getClass(), value.getClass());
        assertEquals(expected, value);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1.0|1.0", "10.0|10.0", "0.1|0.1", "-2.5|-2.5", "-0.0|-0.0", "0e0|0.0", "1e3|1000.0", "1E3|1000.0", "1e+3|1000.0",
            "25e-1|2.5", "1.5E-3|0.0015", "1e400|Infinity", "-1e400|-Infinity", "1e-400|0.0", "-1e-400|-0.0"})
    void aNumberWithAFractionOrExponentIsADouble(String text, String expected) {
        Object value = Json.read(text);

        assertEquals(Double.class, value.getClass());
        // Double.equals tells -0.0 from 0.0.
        assertEquals(Double.valueOf(expected), value);
    }

    @Test
    void everyEscapeReadsAsItsCharacter() {
        assertEquals("\"\\/\b\f\n\r\t" + "A" + "\u00e9" + (char) 0 + "x",
                Json.read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9\\u0000x\""));
    }

    @Test
    void aNameIsReadWithItsEscapes() {
        assertEquals(List.of("a b", "\n"), List.copyOf(Json.asObject(Json.read("{\"a\\u0020b\":1,\"\\n\":2}")).keySet()));
    }

    @Test
    void otherCharactersAreReadAsTheyAre() {
        String text = chars("/<00E9><007F><2028><FFFF><00A0>");
        assertEquals(text, Json.read('"' + text + '"'));
    }

    @Test
    void aSurrogatePairIsOneCharacterRawOrEscaped() {
        assertEquals(GRINNING_FACE, Json.read('"' + GRINNING_FACE + '"'));
        assertEquals(GRINNING_FACE, Json.read("\"\\ud83d\\ude00\""));
        assertEquals(GRINNING_FACE, Json.read("\"\\uD83D\\uDE00\""));
        assertEquals(Map.of(GRINNING_FACE, GRINNING_FACE), Json.read("{\"\\ud83d\\ude00\":\"" + GRINNING_FACE + "\"}"));
        assertEquals("x" + GRINNING_FACE + "y", Json.read(("\"x" + GRINNING_FACE + "y\"").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void spaceTabLineFeedAndCarriageReturnAreWhitespace() {
        assertEquals(Map.of("a", List.of(1, 2)), Json.read(" \t\r\n{ \"a\"\t:\r\n[ 1 ,\n2 ] }\r\n "));
    }

    @Test
    void membersThatDifferOnlyInCaseAreNotRepeated() {
        assertEquals(Map.of("a", 1, "A", 2, "aa", 3), Json.read("{\"a\":1,\"\\u0041\":2,\"aa\":3}"));
    }

    @Test
    void thirtyTwoLevelsOfNestingAreRead() {
        Object arrays = Json.read("[".repeat(32) + "]".repeat(32));
        Object objects = Json.read("{\"a\":".repeat(31) + "{}" + "}".repeat(31));
        Object mixed = Json.read("[{\"a\":".repeat(16) + "1" + "}]".repeat(16));

        assertEquals(32, depth(arrays));
        assertEquals(32, depth(objects));
        assertEquals(32, depth(mixed));
    }

    @Test
    void aNumberOfExactlyAThousandCharactersIsRead() {
        assertEquals(new BigInteger("9".repeat(1000)), Json.read("9".repeat(1000)));
        assertEquals(new BigInteger("-" + "9".repeat(999)), Json.read("-" + "9".repeat(999)));
        assertEquals(Double.valueOf("0." + "1".repeat(998)), Json.read("0." + "1".repeat(998)));
    }

    @Test
    void utf8BytesReadAsTheTextTheyEncode() {
        String text = "{\"n\\u00e9\":\"\u00e9\u20ac" + GRINNING_FACE + "\"}";
        assertEquals(Json.read(text), Json.read(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("n\u00e9", "\u00e9\u20ac" + GRINNING_FACE), Json.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    // --- refusals

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // a member given twice, at any depth and however it is spelled
            "`{\"a\":\"hunter2\",\"a\":\"hunter2\"}`|a repeated member 'a'",
            "`{\"x\":{\"b\":\"hunter2\",\"c\":1,\"b\":1}}`|a repeated member 'b'",
            "`[{\"a\":1},{\"a\":\"hunter2\",\"a\":2}]`|a repeated member 'a'",
            "`{\"a\":\"hunter2\",\"\\u0061\":2}`|a repeated member 'a'",
            "`{\"\\u0061\":\"hunter2\",\"a\":2}`|a repeated member 'a'",
            "`{\"a/\":\"hunter2\",\"a\\/\":2}`|a repeated member 'a/'",
            // named only when the name is short, printable ASCII: a name could forge or flood a log line
            "`{\"a\\nlevel\":1,\"a\\nlevel\":\"hunter2\"}`|a repeated member",
            "`{\"\":1,\"\":\"hunter2\"}`|a repeated member",
            "`{\"n\u00e9\":1,\"n\u00e9\":\"hunter2\"}`|a repeated member",
            // more than one value, or none
            "`{\"a\":\"hunter2\"} x`|text after the value",
            "`{\"a\":\"hunter2\"}{}`|text after the value",
            "`\"hunter2\" \"hunter2\"`|text after the value",
            "`[\"hunter2\"]]`|text after the value",
            "`\"hunter2\",`|text after the value",
            // numbers outside RFC 8259's grammar
            "`[01,\"hunter2\"]`|an invalid number",
            "`[-01,\"hunter2\"]`|an invalid number",
            "`[00,\"hunter2\"]`|an invalid number",
            "`[+1,\"hunter2\"]`|an unexpected character",
            "`[.5,\"hunter2\"]`|an unexpected character",
            "`[1.,\"hunter2\"]`|an invalid number",
            "`[1.e3,\"hunter2\"]`|an invalid number",
            "`[1e,\"hunter2\"]`|an invalid number",
            "`[1e+,\"hunter2\"]`|an invalid number",
            "`[-,\"hunter2\"]`|an invalid number",
            "`[- 1,\"hunter2\"]`|an invalid number",
            "`[0x1F,\"hunter2\"]`|an invalid number",
            "`[1.5.3,\"hunter2\"]`|an invalid number",
            "`[1_000,\"hunter2\"]`|an invalid number",
            "`[NaN,\"hunter2\"]`|a word that is not a JSON value",
            "`[Infinity,\"hunter2\"]`|a word that is not a JSON value",
            "`[-Infinity,\"hunter2\"]`|an invalid number",
            "`\"hunter2\" 1.`|text after the value",
            "`[\"hunter2\", 1.`|unexpected end of the text",
            "`[\"hunter2\", -`|unexpected end of the text",
            // trailing commas, comments, single quotes, unquoted names
            "`[1,\"hunter2\",]`|an unexpected character",
            "`{\"a\":\"hunter2\",}`|an unexpected character",
            "`[,\"hunter2\"]`|an unexpected character",
            "`[\"hunter2\",,1]`|an unexpected character",
            "`{\"a\":\"hunter2\"} // hunter2`|text after the value",
            "`/* hunter2 */ {}`|an unexpected character",
            "`{\"a\": /* c */ \"hunter2\"}`|an unexpected character",
            "`# hunter2`|an unexpected character",
            "`{'a':\"hunter2\"}`|an unexpected character",
            "`{\"a\":'hunter2'}`|an unexpected character",
            "`{hunter2: 1}`|a word that is not a JSON value",
            "`{\"a\" \"hunter2\"}`|an unexpected character",
            "`{\"a\":\"hunter2\" \"b\":1}`|an unexpected character",
            "`[\"hunter2\" 1]`|an unexpected character",
            "`{\"a\":}`|an unexpected character",
            "`{1:\"hunter2\"}`|an unexpected character",
            "`[\"hunter2\"`|unexpected end of the text",
            "`{\"hunter2\"`|unexpected end of the text",
            "`\"hunter2`|unexpected end of the text",
            // control characters raw in a string
            "`\"hunter2<0009>\"`|a control character inside a string",
            "`\"hunter2<000A>\"`|a control character inside a string",
            "`\"hunter2<000D>\"`|a control character inside a string",
            "`\"<0000>hunter2\"`|a control character inside a string",
            "`\"hunter2<001F>\"`|a control character inside a string",
            "`{\"hunter2<0001>\":1}`|a control character inside a string",
            // escapes RFC 8259 does not have
            "`\"hunter2\\x\"`|an invalid escape inside a string",
            "`[\"\\u12\",\"hunter2\"]`|an invalid escape inside a string",
            "`\"\\u00G0hunter2\"`|an invalid escape inside a string",
            "`\"\\U0041hunter2\"`|an invalid escape inside a string",
            "`\"\\'hunter2\"`|an invalid escape inside a string",
            "`\"\\ hunter2\"`|an invalid escape inside a string",
            "`\"\\<000A>hunter2\"`|an invalid escape inside a string",
            "`\"hunter2\\u12`|unexpected end of the text",
            // only ASCII hex digits (Jackson takes a character by its low byte: U+0161 for 'a', U+0130 for '0')
            "`\"\\u00<0161>1hunter2\"`|an invalid escape inside a string",
            "`\"\\u<0130>041hunter2\"`|an invalid escape inside a string",
            "`\"\\u00<FF10><FF10>hunter2\"`|an invalid escape inside a string",
            "`\"\\u00<0669>1hunter2\"`|an invalid escape inside a string",
            // surrogate escapes that are not a pair
            "`\"\\ud800hunter2\"`|an unpaired surrogate escape inside a string",
            "`\"\\udc00hunter2\"`|an unpaired surrogate escape inside a string",
            "`\"\\ud800\\u0041hunter2\"`|an unpaired surrogate escape inside a string",
            "`\"\\ud800\\ud800hunter2\"`|an unpaired surrogate escape inside a string",
            "`\"\\ude00\\ud83dhunter2\"`|an unpaired surrogate escape inside a string",
            "`\"hunter2\\ud800\"`|an unpaired surrogate escape inside a string",
            "`{\"\\udfff\":\"hunter2\"}`|an unpaired surrogate escape inside a string",
            // words that are not true, false or null
            "`[True,\"hunter2\"]`|a word that is not a JSON value",
            "`[TRUE,\"hunter2\"]`|a word that is not a JSON value",
            "`[nul,\"hunter2\"]`|a word that is not a JSON value",
            "`[truex,\"hunter2\"]`|a word that is not a JSON value",
            "`[true1,\"hunter2\"]`|a word that is not a JSON value",
            "`[nulll,\"hunter2\"]`|a word that is not a JSON value",
            "`[fals,\"hunter2\"]`|a word that is not a JSON value",
            "`[None,\"hunter2\"]`|a word that is not a JSON value",
            "`[undefined,\"hunter2\"]`|a word that is not a JSON value",
            "`hunter2`|a word that is not a JSON value",
            // whitespace is space, tab, LF and CR only
            "`[<00A0>\"hunter2\"]`|an unexpected character",
            "`[<000C>\"hunter2\"]`|an unexpected character",
            "`[<000B>\"hunter2\"]`|an unexpected character",
            "`[<FEFF>\"hunter2\"]`|an unexpected character",
            "`[<2028>\"hunter2\"]`|an unexpected character",
            "`[<0000>\"hunter2\"]`|an unexpected character",
            "`[\"hunter2\"]<000C>`|text after the value",
            "`[\"hunter2\"]<00A0>`|text after the value",
            "`[\"hunter2\"]<0000>`|text after the value",
            // a byte order mark
            "`<FEFF>{\"a\":\"hunter2\"}`|an unexpected character",
            "`<FEFF> {\"a\":\"hunter2\"}`|an unexpected character"})
    void aTextThatIsNotExactlyOneStrictValueIsRefusedByKindAndPlace(String text, String category) {
        String json = chars(text);

        assertRefused(category, () -> Json.read(json));
        // The same text as UTF-8 bytes (the token path) is refused the same way.
        String fromText = refusal(() -> Json.read(json));
        assertEquals(fromText, refusal(() -> Json.read(json.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Compact ASCII without a backslash or control character (every token's segments, every
     * replayed event line) takes the reader's quick path for strings: it reads, and refuses, as the
     * same text does on the careful path.
     */
    @ParameterizedTest(name = "plain ASCII {index}")
    @ValueSource(strings = {"{\"sub\":\"alice\",\"scope\":\"a b/c\",\"n\":[1,{\"x\":\"}]:,\"}]}", "[\"\",\"'\",\"\u007f\"]",
        "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"never closed}", "[\"a\"\"b\"]", "\"\"", "\"one\"two\""})
    void plainAsciiReadsFromBytesAsItsTextDoes(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        Object fromText;
        try {
            fromText = Json.read(text);
        } catch (IllegalArgumentException e) {
            assertEquals(e.getMessage(), refusal(() -> Json.read(bytes)));
            return;
        }
        assertEquals(fromText, Json.read(bytes));
    }

    @ParameterizedTest(name = "blank text {index}")
    @ValueSource(strings = {"", " ", "\t\r\n ", "\n\n"})
    void anEmptyOrBlankTextHasNoValue(String text) {
        assertEquals("no value", refusal(() -> Json.read(text)));
        assertEquals("no value", refusal(() -> Json.read(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void nestingDeeperThanThirtyTwoLevelsIsRefused() {
        assertRefused("nested deeper than 32 levels", () -> Json.read("[".repeat(33) + "\"hunter2\"" + "]".repeat(33)));
        assertRefused("nested deeper than 32 levels", () -> Json.read("{\"a\":".repeat(33) + "\"hunter2\"" + "}".repeat(33)));
        assertRefused("nested deeper than 32 levels", () -> Json.read("[{\"a\":".repeat(16) + "[\"hunter2\"]" + "}]".repeat(16)));
        // Unclosed, as an attacker sends it: refused by depth before the end is reached.
        assertRefused("nested deeper than 32 levels", () -> Json.read("[\"hunter2\"," + "[".repeat(100_000)));
    }

    @Test
    void aNumberOverAThousandCharactersIsRefused() {
        for (String number : List.of("1".repeat(1001), "-" + "1".repeat(1000), "0." + "1".repeat(999), "1e" + "1".repeat(999),
                "-1.5e-" + "1".repeat(995))) {
            assertRefused("a number over 1000 characters", () -> Json.read("[\"hunter2\"," + number + "]"));
        }
    }

    /** Only a caller with a Java String can hand over a lone surrogate: UTF-8 has no form for one. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"<D800>hunter2\"", "\"<DC00>hunter2\"", "\"hunter2<D83D>\"", "\"<DE00><D83D>hunter2\"",
            "\"<D800><D800>hunter2\"", "{\"<DFFF>\":\"hunter2\"}", "\"hunter2<D83D>", "\"<D83D>\\ude00hunter2\"", "\"\\ud83d<DE00>hunter2\""})
    void aLoneSurrogateInAJavaStringIsRefused(String text) {
        // The last two are halves of a pair, one escaped and one raw: each half is alone in the text.
        String json = chars(text);
        String message = refusal(() -> Json.read(json));
        assertTrue(message.startsWith("not UTF-8 text") || message.startsWith("an unpaired surrogate escape inside a string"), message);
        assertTrue(POSITION.matcher(message).find(), message);
        assertFalse(message.contains(SECRET), message);
    }

    @Test
    void aByteOrderMarkBeforeUtf8BytesIsRefused() {
        byte[] bytes = Bytes.concat(HexFormat.of().parseHex("efbbbf"), "{\"a\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("an unexpected character at line 1, column 1", refusal(() -> Json.read(bytes)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "c0af, overlong slash", "e080af, overlong slash in three bytes", "f08080af, overlong slash in four bytes",
            "c1bf, overlong two-byte form", "eda080, encoded high surrogate", "edbfbf, encoded low surrogate",
            "eda0bdedb880, surrogate pair encoded one half at a time", "f4908080, above U+10FFFF", "f5808080, lead byte F5",
            "ff, byte FF", "fe, byte FE", "80, lone continuation byte", "c3, truncated two-byte form",
            "e282, truncated three-byte form", "f09f98, truncated four-byte form", "e228a1, bad continuation byte"})
    void bytesThatAreNotUtf8AreRefused(String hex, String what) {
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] inString = Bytes.concat("[\"hunter2\",\"".getBytes(StandardCharsets.UTF_8), bad, "\"]".getBytes(StandardCharsets.UTF_8));
        byte[] atTheEnd = Bytes.concat("[\"hunter2\",\"".getBytes(StandardCharsets.UTF_8), bad);
        byte[] outsideAString = Bytes.concat("[\"hunter2\",".getBytes(StandardCharsets.UTF_8), bad, "]".getBytes(StandardCharsets.UTF_8));

        assertEquals("not UTF-8 text", refusal(() -> Json.read(inString)), what);
        assertEquals("not UTF-8 text", refusal(() -> Json.read(atTheEnd)), what);
        assertEquals("not UTF-8 text", refusal(() -> Json.read(outsideAString)), what);
    }

    @Test
    void aRefusalCountsLinesAndColumnsAsAnEditorDoes() {
        assertEquals("a repeated member 'a' at line 3, column 3", refusal(() -> Json.read("{\n  \"a\": 1,\n  \"a\": \"hunter2\"\n}")));
        assertEquals("a repeated member 'a' at line 3, column 3", refusal(() -> Json.read("{\r\n  \"a\": 1,\r\n  \"a\": \"hunter2\"\r\n}")));
        assertEquals("a repeated member 'a' at line 3, column 3", refusal(() -> Json.read("{\r  \"a\": 1,\r  \"a\": \"hunter2\"\r}")));
        assertEquals("an invalid number at line 2, column 10", refusal(() -> Json.read("[\"hunter2\",\n  1, 2, 03]")));
    }

    // --- helpers

    private static void assertRefused(String category, Runnable read) {
        String message = refusal(read);
        assertTrue(message.startsWith(category) && POSITION.matcher(message.substring(category.length())).matches(),
                "expected '" + category + " at line L, column C', got: " + message);
        assertFalse(message.contains(SECRET), "the refusal quotes the text: " + message);
    }

    /** The message of the refusal, which must be an IllegalArgumentException itself (not, say, a NumberFormatException). */
    private static String refusal(Runnable read) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, read::run);
        assertEquals(IllegalArgumentException.class, refused.getClass(), "refused by accident: " + refused);
        return refused.getMessage();
    }

    /** The text with each {@code <XXXX>} replaced by the character U+XXXX. */
    static String chars(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '<' && i + 5 < text.length() && text.charAt(i + 5) == '>') {
                out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static int depth(Object value) {
        int deepest = 0;
        if (value instanceof Map<?, ?> map) {
            for (Object member : map.values()) {
                deepest = Math.max(deepest, depth(member));
            }
            return deepest + 1;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                deepest = Math.max(deepest, depth(element));
            }
            return deepest + 1;
        }
        return 0;
    }
}
