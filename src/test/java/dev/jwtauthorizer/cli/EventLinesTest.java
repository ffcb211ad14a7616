package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** replay's input: every line, whole, whatever its line ends and however the input arrives. */
class EventLinesTest {

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = {1, 2, 7, 100_000})
    void everyLineWholeWithLfCrlfAndNoFinalLineEnd(int bytesPerRead) throws IOException {
        String big = "{\"x\":\"" + "a".repeat(200_000) + "\"}";
        String text = "{\"a\":1}\n{\"b\":\"\u00e9\"}\r\n\n  \t\n" + big + "\n{\"last\":true}";
        List<String> lines = read(new Trickle(text.getBytes(StandardCharsets.UTF_8), bytesPerRead));
        assertEquals(List.of("{\"a\":1}", "{\"b\":\"\u00e9\"}", "", "  \t", big, "{\"last\":true}"), lines);
    }

    @Test
    void anEmptyInputHasNoLines() throws IOException {
        assertEquals(List.of(), read(new ByteArrayInputStream(new byte[0])));
        assertEquals(List.of(""), read(new ByteArrayInputStream(new byte[] {'\n'})));
    }

    @Test
    void onlySpacesAndTabsAreBlank() {
        assertTrue(EventLines.isBlank(new byte[0]));
        assertTrue(EventLines.isBlank(" \t ".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(EventLines.isBlank(" {} ".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aLineLongerThanLambdaTakesIsOneMarkerAndTheLinesAfterItAreRead() throws IOException {
        long over = EventLines.MAX_LINE_BYTES + 1_000_000L;
        InputStream in = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("{\"a\":1}\n".getBytes(StandardCharsets.US_ASCII)), new Repeat('x', over),
                new ByteArrayInputStream("\n{\"b\":2}\n".getBytes(StandardCharsets.US_ASCII)), new Repeat('y', over))));
        EventLines lines = new EventLines(in);
        assertEquals("{\"a\":1}", new String(lines.next(), StandardCharsets.US_ASCII));
        assertSame(EventLines.TOO_LONG, lines.next());
        assertEquals("{\"b\":2}", new String(lines.next(), StandardCharsets.US_ASCII));
        assertSame(EventLines.TOO_LONG, lines.next(), "an over-long last line without a line end");
        assertNull(lines.next());
        // Read whole at once, as a large read may bring it: the limit holds all the same.
        byte[] one = new byte[EventLines.MAX_LINE_BYTES + 2];
        java.util.Arrays.fill(one, (byte) 'z');
        one[one.length - 1] = '\n';
        EventLines whole = new EventLines(new ByteArrayInputStream(one));
        assertSame(EventLines.TOO_LONG, whole.next());
        assertNull(whole.next());
    }

    /** The same byte, count times, without holding them. */
    private static final class Repeat extends InputStream {
        private final int value;
        private long left;

        Repeat(int value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? value : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) value);
            left -= n;
            return n;
        }
    }

    private static List<String> read(InputStream in) throws IOException {
        EventLines lines = new EventLines(in);
        List<String> all = new ArrayList<>();
        byte[] line;
        while ((line = lines.next()) != null) {
            all.add(new String(line, StandardCharsets.UTF_8));
        }
        return all;
    }

    /** Hands out at most a few bytes per read, as a pipe may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int perRead;
        private int at;

        Trickle(byte[] bytes, int perRead) {
            this.bytes = bytes;
            this.perRead = perRead;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(length, perRead), bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }
    }
}
