package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written JSON of the log lines reads back, strictly, as what was written. */
class JsonLineTest {
    private static String written(String value) {
        JsonLine line = JsonLine.begin().string("value", value).end();
        List<JsonNode> parsed = LogLines.parse(line.toString());
        assertEquals(1, parsed.size());
        return parsed.get(0).get("value").textValue();
    }

    @Test
    void attackerTextReadsBackAsTheSameTextAndStaysOnOneLine() {
        for (String text : List.of("plain", "quote \" and backslash \\", "line\nbreak\r\ttab\b\f", "\u0000\u0001\u001f\u007f",
                "é ü ß €", "emoji \uD83D\uDD11 key", "</script>", "\u2028\u2029")) {
            JsonLine line = JsonLine.begin().string("value", text).end();
            assertEquals(1, line.toString().split("\n", -1).length - 1, "one line for " + text);
            assertEquals(text, written(text));
        }
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMark() {
        assertEquals("a?b", written("a\uD800b"));
        assertEquals("a?", written("a\uDC00"));
    }

    @Test
    void longValuesAreCutAtTheLimitWithoutSplittingACharacter() {
        assertEquals("x".repeat(JsonLine.MAX_VALUE_LENGTH) + "...", written("x".repeat(1000)));
        String emoji = "x".repeat(JsonLine.MAX_VALUE_LENGTH - 1) + "\uD83D\uDD11" + "tail";
        assertEquals("x".repeat(JsonLine.MAX_VALUE_LENGTH - 1) + "...", written(emoji));
        assertEquals("y".repeat(JsonLine.MAX_VALUE_LENGTH), written("y".repeat(JsonLine.MAX_VALUE_LENGTH)));
    }

    @Test
    void numbersBooleansListsAndNullsAreTheirJsonSelves() {
        JsonLine line = JsonLine.begin().number("zero", 0).number("big", Long.MAX_VALUE).number("negative", -42)
                .bool("yes", true).value("list", List.of("a", 1, false)).value("double", 1.5).value("absent", null)
                .string("missing", null).end();
        JsonNode node = LogLines.parse(line.toString()).get(0);
        assertEquals(0, node.get("zero").longValue());
        assertEquals(Long.MAX_VALUE, node.get("big").longValue());
        assertEquals(-42, node.get("negative").longValue());
        assertTrue(node.get("yes").booleanValue());
        assertEquals("[\"a\",1,false]", node.get("list").toString());
        assertEquals(1.5, node.get("double").doubleValue());
        assertFalse(node.has("absent") || node.has("missing"));
    }

    @Test
    void aLongLineGrowsTheBuffer() {
        JsonLine line = JsonLine.begin();
        for (int i = 0; i < 100; i++) {
            line.string("k" + i, "v".repeat(200));
        }
        assertEquals(100, LogLines.parse(line.end().toString()).get(0).size());
    }

    @Test
    void timestampsAreRfc3339UtcWithMillisecondsForAnyInstant() {
        DateTimeFormatter expected = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(3339);
        List<Long> instants = new java.util.ArrayList<>(List.of(0L, 951_782_400_000L /* 2000-02-29 */, 4_107_542_399_999L,
                1_709_164_800_000L /* 2024-02-29 */, 253_402_300_799_999L /* 9999-12-31 */, System.currentTimeMillis()));
        for (int i = 0; i < 2000; i++) {
            instants.add((long) (random.nextDouble() * 253_402_300_799_999L));
        }
        for (long millis : instants) {
            byte[] text = new byte[Rfc3339.LENGTH];
            Rfc3339.write(millis, text, 0);
            assertEquals(expected.format(Instant.ofEpochMilli(millis)), new String(text, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
