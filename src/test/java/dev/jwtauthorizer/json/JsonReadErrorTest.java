package dev.jwtauthorizer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What is not JSON is reported by where it stopped being JSON and what kind of mistake it was,
 * never by its text: the text may be a file named by mistake, a token or a secret.
 */
class JsonReadErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "root:x:0:0:root:/root:/bin/bash|a word that is not a JSON value at line 1, column 1",
            "`{\"a\": \"hunter2\", \"b\": hunter3}`|a word that is not a JSON value at line 1, column 23",
            "`{\"a\":\n  'hunter2'}`|an unexpected character at line 2, column 3",
            "`{\"a\": \"hunter2`|unexpected end of the text at line 1, column 15",
            "`{\"a\": \"hun\tter2\"}`|a control character inside a string at line 1, column 11",
            "`{\"a\": \"hunter\\q\"}`|an invalid escape inside a string at line 1, column 15",
            "`{\"a\": 0123}`|an invalid number at line 1, column 8",
            "`{\"a\": 1} {\"secret\": 2}`|text after the value at line 1, column 10",
            "`{\"a\": 1, \"a\": 2}`|a repeated member 'a' at line 1, column 10"})
    void aReadErrorSaysWhereAndWhatKindNeverTheText(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Json.read(text)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> Json.read(text.getBytes(StandardCharsets.UTF_8))).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"c3|not UTF-8 text", "ff|not UTF-8 text"})
    void bytesThatAreNotUtf8AreSaidToBe(String firstByte, String category) {
        byte[] bytes = {'[', '"', (byte) Integer.parseInt(firstByte, 16), '(', '"', ']'};
        String message = assertThrows(IllegalArgumentException.class, () -> Json.read(bytes)).getMessage();
        assertEquals(category, message.substring(0, category.length()), message);
    }

    @Test
    void deepNestingIsRefusedByDepth() {
        String text = "[".repeat(33) + "]".repeat(33);
        String message = assertThrows(IllegalArgumentException.class, () -> Json.read(text)).getMessage();
        assertEquals("nested deeper than 32 levels", message.substring(0, "nested deeper than 32 levels".length()), message);
    }
}
