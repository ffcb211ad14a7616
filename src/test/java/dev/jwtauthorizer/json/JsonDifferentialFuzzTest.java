package dev.jwtauthorizer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.jwtauthorizer.json.JsonValues.assertSameValue;
import static dev.jwtauthorizer.json.JsonValues.holdsLoneSurrogate;
import static dev.jwtauthorizer.json.JsonValues.holdsNonFiniteDouble;
import static dev.jwtauthorizer.json.JsonValues.shown;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Our strict reader against jackson-databind set as strict as it goes, on the same text: two
 * readers of the same signed bytes must never see different claims. What ours reads, Jackson
 * reads to an equal value (same number types, same member order); what ours refuses and Jackson
 * reads is allowed only for the refusals we chose on purpose (lone surrogates, a byte order mark,
 * a number over 1000 characters) and for one laxness of Jackson's (a non-ASCII character taken
 * for a hex digit); every refusal names a kind and a place, never the text. What
 * ours reads it writes so that it, and Jackson, read it back equal; and bytes read as the UTF-8
 * text they are, or are refused as not UTF-8.
 *
 * <p>Number types are compared exactly, not normalised: both readers give Integer, Long or
 * BigInteger by the integer's size and Double for anything with a fraction or exponent (Jackson's
 * defaults for {@code Object.class}), so a different type is a finding.
 *
 * <p>{@code mvn verify} replays the kept inputs under {@code src/test/resources/.../JsonDifferentialFuzzTestInputs}
 * and then fuzzes for {@code fuzz.duration}.
 */
class JsonDifferentialFuzzTest {
    private static final ObjectMapper JACKSON = jackson(StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
    /**
     * Jackson limits a number's digits, ours its characters (sign, point, 'e' and exponent sign
     * too: at most four more). A text ours refuses for a long number must hold one of at least
     * 997 digits, which this one refuses.
     */
    private static final ObjectMapper JACKSON_996_DIGITS = jackson(996);
    private static final String LONG_NUMBER = "a number over 1000 characters";
    private static final Pattern REFUSAL = Pattern.compile("no value|not UTF-8 text|(?:a repeated member(?: '[ -~]{1,64}')?|not UTF-8 text|text after the value"
            + "|unexpected end of the text|an unexpected character|a word that is not a JSON value|nested deeper than 32 levels"
            + "|a control character inside a string|an invalid escape inside a string|an unpaired surrogate escape inside a string"
            + "|an invalid number|a number over 1000 characters) at line \\d+, column \\d+", Pattern.DOTALL);
    private static final Pattern PLACE = Pattern.compile(" at line (\\d+), column (\\d+)$");

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"", "\\\"", "\\\\", "\\/", "\\u", "\\u0061", "\"\\u0061\":", "\\u0000", "\\u001F", "\\u007f", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\uDBFF\\uDFFF",
        "{\"a\":", "\"a\":", ",\"a\":", "{}", "[]", "[[[[[[[[[[[[[[[[", "{\"a\":{\"a\":{\"a\":{\"a\":", "true", "false", "null", "-0", "0.0", "1e400", "-1e-400", "E+", "e-",
        "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "\u00a0", "\ufeff", "\u00e9",
        "\ud83d\ude00", "/*", "//", "'", "NaN", "Infinity"})
    void ourReaderReadsWhatJacksonReadsAndRefusesOnlyOnPurpose(byte[] input) {
        String text = FuzzedJsonText.textOf(input);
        ReadOutcome ours = ReadOutcome.ours(() -> Json.read(text));

        assertAgreement(text, ours, ReadOutcome.jackson(JACKSON, text));
        if (ours.accepted()) {
            assertWrittenValueReadsBack(ours.value());
        }
        assertBytesReadAsTheTextTheyEncode(input);
    }

    /** The invariant is not vacuous: a reader that read differently, or refused without reason, would fail it. */
    @Test
    void theInvariantHoldsForAgreeingReadersAndCatchesADifferentOne() {
        String text = "{\"sub\":\"alice\",\"admin\":false,\"n\":1}";
        ReadOutcome ours = ReadOutcome.ours(() -> Json.read(text));
        assertAgreement(text, ours, ReadOutcome.jackson(JACKSON, text));

        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("admin", false);
        reordered.put("sub", "alice");
        reordered.put("n", 1);
        Map<String, Object> otherClaim = new LinkedHashMap<>(Json.asObject(ours.value()));
        otherClaim.put("admin", true);
        Map<String, Object> otherType = new LinkedHashMap<>(Json.asObject(ours.value()));
        otherType.put("n", 1L);
        for (Object different : List.of(otherClaim, otherType, reordered)) {
            assertThrows(AssertionFailedError.class, () -> assertAgreement(text, ours, ReadOutcome.value(different)), different::toString);
        }
        assertThrows(AssertionFailedError.class, () -> assertAgreement(text, ours, ReadOutcome.refusal("Duplicate field")));
        // Refusing what Jackson reads: wrong unless it is one of the refusals we chose.
        assertThrows(AssertionFailedError.class, () -> assertAgreement(text, ReadOutcome.refusal("an unexpected character at line 1, column 1"),
                ReadOutcome.value(ours.value())));
        assertThrows(AssertionFailedError.class, () -> assertAgreement("[1]", ReadOutcome.refusal(LONG_NUMBER + " at line 1, column 2"),
                ReadOutcome.value(List.of(1))));
        // A refusal that quotes the text fails even when Jackson refuses too.
        assertThrows(AssertionFailedError.class, () -> assertAgreement("[hunter2]", ReadOutcome.refusal("not 'hunter2' at line 1, column 2"),
                ReadOutcome.refusal("Unrecognized token 'hunter2'")));
        // A lone surrogate, which Jackson reads and ours refuses on purpose.
        String loneSurrogate = "[\"\\ud800\"]";
        assertAgreement(loneSurrogate, ReadOutcome.ours(() -> Json.read(loneSurrogate)), ReadOutcome.jackson(JACKSON, loneSurrogate));
        assertFalse(ReadOutcome.jackson(JACKSON, loneSurrogate).refused());
        // Jackson's non-ASCII hex digit: allowed where ours points at that character, and only there.
        String laxEscape = "[\r\n\"\\u00" + (char) 0x0161 + "1\"]";
        assertAgreement(laxEscape, ReadOutcome.ours(() -> Json.read(laxEscape)), ReadOutcome.jackson(JACKSON, laxEscape));
        assertFalse(ReadOutcome.jackson(JACKSON, laxEscape).refused());
        assertThrows(AssertionFailedError.class, () -> assertAgreement(laxEscape,
                ReadOutcome.refusal("an invalid escape inside a string at line 2, column 4"), ReadOutcome.value(List.of("x"))));
        // Bytes: a reader that took bad UTF-8 would fail, and so would one reading bytes and text differently.
        assertBytesReadAs(null, ReadOutcome.ours(() -> Json.read(new byte[] {'"', (byte) 0xFF, '"'})), null);
        assertThrows(AssertionFailedError.class, () -> assertBytesReadAs(null, ReadOutcome.value("\ufffd"), null));
        assertBytesReadAs("[1]", ReadOutcome.ours(() -> Json.read(new byte[] {'[', '1', ']'})), ReadOutcome.ours(() -> Json.read("[1]")));
        assertThrows(AssertionFailedError.class, () -> assertBytesReadAs("[1]", ReadOutcome.value(List.of(1L)), ReadOutcome.value(List.of(1))));
        assertThrows(AssertionFailedError.class, () -> assertBytesReadAs("[1]", ReadOutcome.refusal("no value"), ReadOutcome.value(List.of(1))));
    }

    @Test
    void textsHoldingLoneOrSplitSurrogatesReachTheStringPath() {
        // Java's modified UTF-8 encodes each surrogate on its own; valid UTF-8 has no form for them.
        assertEquals("\"" + (char) 0xD800 + "\"", FuzzedJsonText.textOf(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}));
        assertEquals("\"\\ud83d" + (char) 0xDE00 + "\"", FuzzedJsonText.textOf(new byte[] {'"', '\\', 'u', 'd', '8', '3', 'd', (byte) 0xED, (byte) 0xB8, (byte) 0x80, '"'}));
        assertEquals("\"\ufffd\"", FuzzedJsonText.textOf(new byte[] {'"', (byte) 0xFF, '"'}));
        assertEquals("\"\u00e9\"", FuzzedJsonText.textOf("\"\u00e9\"".getBytes(StandardCharsets.UTF_8)));
    }

    // --- the invariant

    static void assertAgreement(String text, ReadOutcome ours, ReadOutcome jackson) {
        if (ours.accepted()) {
            assertTrue(jackson.accepted(), () -> "ours reads what Jackson refuses (" + jackson.refusal() + "): " + shown(text));
            assertSameValue(jackson.value(), ours.value(), () -> "ours and Jackson read different values from " + shown(text));
            assertFalse(holdsLoneSurrogate(ours.value()), () -> "ours read a lone surrogate from " + shown(text));
            return;
        }
        assertTrue(REFUSAL.matcher(ours.refusal()).matches(), () -> "a refusal of no known kind, or quoting the text: " + ours.refusal());
        if (jackson.accepted()) {
            assertTrue(refusedOnPurpose(text, ours.refusal(), jackson.value()),
                    () -> "ours refuses (" + ours.refusal() + ") what Jackson reads as " + shown(String.valueOf(jackson.value())) + ": " + shown(text));
        }
    }

    /** The refusals where ours is stricter than Jackson by design. */
    private static boolean refusedOnPurpose(String text, String refusal, Object jacksons) {
        boolean surrogateRefusal = refusal.startsWith("not UTF-8 text") || refusal.startsWith("an unpaired surrogate escape");
        if (surrogateRefusal && holdsLoneSurrogate(jacksons)) {
            return true;
        }
        // A raw half and an escaped half ("\ud83d" then a raw U+DE00) make a pair in Jackson's
        // value. Only a Java String can hold a lone surrogate (UTF-8 has no form for one), so
        // this is the String path's "not UTF-8 text", never the token path's.
        if (surrogateRefusal && holdsLoneSurrogate(text)) {
            return true;
        }
        // Jackson reads the same text as String input with a BOM as a stray character too; kept
        // for a Jackson version that skips it.
        if (!text.isEmpty() && text.charAt(0) == '\ufeff' && refusal.equals("an unexpected character at line 1, column 1")) {
            return true;
        }
        if (refusal.startsWith("an invalid escape inside a string") && jacksonTakesForAHexDigit(text, indexOf(text, refusal))) {
            return true;
        }
        return refusal.startsWith(LONG_NUMBER) && ReadOutcome.jackson(JACKSON_996_DIGITS, text).refused();
    }

    /**
     * Jackson's String input looks up each digit of a backslash-u escape by the character's low
     * byte (CharTypes.charToHex: {@code ch & 0xFF}), so it takes U+0161 (s with caron) for 'a' and
     * U+0130 for '0'. RFC 8259 allows only 0-9, a-f and A-F, as ours does. The fuzzer found this
     * (seed jackson-takes-a-non-ascii-character-for-a-hex-digit).
     */
    private static boolean jacksonTakesForAHexDigit(String text, int at) {
        if (at < 0 || at >= text.length() || text.lastIndexOf("\\u", at) < at - 5) {
            return false;
        }
        char c = text.charAt(at);
        int lowByte = c & 0xFF;
        return c > 0x7F && lowByte < 0x80 && Character.digit(lowByte, 16) >= 0;
    }

    /** Where in the text a refusal's "at line L, column C" points, counting lines as the reader does; -1 if it names no place. */
    static int indexOf(String text, String refusal) {
        Matcher place = PLACE.matcher(refusal);
        if (!place.find()) {
            return -1;
        }
        int line = Integer.parseInt(place.group(1));
        int lineStart = 0;
        for (int i = 0; i < text.length() && line > 1; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line--;
                lineStart = i + 1;
            }
        }
        return lineStart + Integer.parseInt(place.group(2)) - 1;
    }

    /** What ours reads, written compact or indented, reads back equal by ours and by Jackson. */
    private static void assertWrittenValueReadsBack(Object value) {
        // NaN and Infinity have no JSON form: written as strings, by design they read back as strings.
        if (holdsNonFiniteDouble(value)) {
            return;
        }
        String compact = Json.write(value);
        assertSameValue(value, Json.read(compact), () -> "ours reads its own output differently: " + shown(compact));
        assertSameValue(value, Json.read(Json.writePretty(value)), () -> "ours reads its own indented output differently: " + shown(compact));
        ReadOutcome jackson = ReadOutcome.jackson(JACKSON, compact);
        assertTrue(jackson.accepted(), () -> "Jackson refuses our output (" + jackson.refusal() + "): " + shown(compact));
        assertSameValue(value, jackson.value(), () -> "Jackson reads our output differently: " + shown(compact));
    }

    private static void assertBytesReadAsTheTextTheyEncode(byte[] bytes) {
        String text = FuzzedJsonText.strictUtf8(bytes);
        assertBytesReadAs(text, ReadOutcome.ours(() -> Json.read(bytes)), text == null ? null : ReadOutcome.ours(() -> Json.read(text)));
    }

    /** Bytes that are not UTF-8 (text null) are refused as such; UTF-8 bytes read as their text does. */
    static void assertBytesReadAs(String text, ReadOutcome fromBytes, ReadOutcome fromText) {
        if (text == null) {
            assertEquals("not UTF-8 text", fromBytes.refusal(), "bytes that are not UTF-8 were not refused as such");
            return;
        }
        assertEquals(fromText.refusal(), fromBytes.refusal(), () -> "bytes and their text refused differently: " + shown(text));
        if (fromText.accepted()) {
            assertSameValue(fromText.value(), fromBytes.value(), () -> "bytes and their text read differently: " + shown(text));
        }
    }

    private static ObjectMapper jackson(int maxNumberLength) {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).maxNumberLength(maxNumberLength).build())
                .build();
        // Without FAIL_ON_TRAILING_TOKENS Jackson reads "1 2" as 1 and ignores the rest.
        return JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }
}
