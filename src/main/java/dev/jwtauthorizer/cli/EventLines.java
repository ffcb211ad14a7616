package dev.jwtauthorizer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a JSON Lines stream as bytes, for {@code replay}: each is read by {@code Json.read(byte[])},
 * which checks its UTF-8 itself, so no reader, decoder or char buffer stands between the input and
 * the authorizer (their compilations were most of what a primed process still compiled).
 */
final class EventLines {
    /** Lambda takes no synchronous payload over 6 MB, so no authorizer event is longer. */
    static final int MAX_LINE_BYTES = 6 * 1024 * 1024;
    /** What {@link #next()} gives for a longer line, whose bytes it drops as they come. */
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    /** In a line over MAX_LINE_BYTES: its bytes are not kept. */
    private boolean skipping;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int scanned;
    private int end;
    /**
     * The bytes from {@code scanned} to {@code end} as Latin-1 text, made once per read: a line end
     * is then found by String.indexOf, which the JIT vectorises, where a loop over the bytes that
     * stops at the first match is compiled one byte at a time.
     */
    private String unscanned = "";
    /** Where {@code unscanned} begins in the buffer. */
    private int unscannedAt;

    EventLines(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its line end (LF or CRLF), {@link #TOO_LONG} for a line over
     * {@link #MAX_LINE_BYTES}, or null at the end of the input.
     */
    byte[] next() throws IOException {
        while (true) {
            int lineEnd = unscanned.indexOf('\n', scanned - unscannedAt);
            if (lineEnd >= 0) {
                lineEnd += unscannedAt;
                byte[] line = skipping || lineEnd - start > MAX_LINE_BYTES ? TOO_LONG : line(start, lineEnd);
                skipping = false;
                start = scanned = lineEnd + 1;
                return line;
            }
            // Every byte read so far is scanned: the text of them is dropped before the buffer moves.
            scanned = end;
            unscanned = "";
            if (end - start > MAX_LINE_BYTES) {
                // One answer for it, and memory left for the lines after it.
                skipping = true;
                start = scanned = end = 0;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                if (start == end && !skipping) {
                    return null;
                }
                byte[] last = skipping || end - start > MAX_LINE_BYTES ? TOO_LONG : line(start, end);
                skipping = false;
                start = end;
                return last;
            }
            unscanned = new String(buffer, end, read, StandardCharsets.ISO_8859_1);
            unscannedAt = end;
            end += read;
        }
    }

    private byte[] line(int from, int to) {
        return Arrays.copyOfRange(buffer, from, to > from && buffer[to - 1] == '\r' ? to - 1 : to);
    }

    /** True for a line of spaces and tabs only, which replay skips. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
