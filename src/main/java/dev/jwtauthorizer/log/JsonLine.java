package dev.jwtauthorizer.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * One JSON object being written as UTF-8 straight into a byte buffer that its thread reuses for
 * every line: no map, no generator, no encoder, no intermediate string. Member names are the
 * authorizer's own ASCII constants and are written as they are; values are escaped and bounded.
 */
final class JsonLine {
    /** kid and other header values are attacker-controlled text: bounded before they reach a log. */
    static final int MAX_VALUE_LENGTH = 256;
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    // Not ThreadLocal.withInitial(X::new): each method reference spins a class at cold start
    // (docs/PERFORMANCE.md).
    private static final ThreadLocal<JsonLine> PER_THREAD = new ThreadLocal<>() {
        @Override
        protected JsonLine initialValue() {
            return new JsonLine();
        }
    };

    private byte[] bytes = new byte[2048];
    private int length;
    private boolean empty;

    private JsonLine() {
    }

    /** The thread's buffer, emptied, with the object opened. */
    static JsonLine begin() {
        JsonLine line = PER_THREAD.get();
        line.length = 0;
        line.empty = true;
        line.bytes[line.length++] = '{';
        return line;
    }

    /** A string member; left out when the value is null. */
    JsonLine string(String name, String value) {
        if (value != null) {
            name(name);
            quoted(value);
        }
        return this;
    }

    JsonLine number(String name, long value) {
        name(name);
        digits(value);
        return this;
    }

    JsonLine bool(String name, boolean value) {
        name(name);
        ascii(value ? "true" : "false");
        return this;
    }

    JsonLine timestamp(String name, long epochMillis) {
        name(name);
        ensure(Rfc3339.LENGTH + 2);
        bytes[length++] = '"';
        Rfc3339.write(epochMillis, bytes, length);
        length += Rfc3339.LENGTH;
        bytes[length++] = '"';
        return this;
    }

    /** A member of any value the log's callers pass: text, numbers, booleans, collections of them. */
    JsonLine value(String name, Object value) {
        if (value != null) {
            name(name);
            anyValue(value);
        }
        return this;
    }

    /** Text already in JSON form, written as it is: it must begin with the comma before its first member. */
    JsonLine raw(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, bytes, length, json.length);
        length += json.length;
        empty = false;
        return this;
    }

    /** A bare number, after a {@link #raw} fragment that ends with a member name. */
    JsonLine rawNumber(long value) {
        digits(value);
        return this;
    }

    /** Closes the object and the line. */
    JsonLine end() {
        ensure(2);
        bytes[length++] = '}';
        bytes[length++] = '\n';
        return this;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void name(String name) {
        ensure(name.length() + 4);
        if (!empty) {
            bytes[length++] = ',';
        }
        empty = false;
        bytes[length++] = '"';
        copyAscii(name);
        bytes[length++] = '"';
        bytes[length++] = ':';
    }

    private void anyValue(Object value) {
        if (value instanceof String text) {
            quoted(text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            digits(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isFinite(number)) {
                ascii(Double.toString(number));
            } else {
                quoted(Double.toString(number));
            }
        } else if (value instanceof Boolean flag) {
            ascii(flag ? "true" : "false");
        } else if (value instanceof Collection<?> items) {
            ensure(1);
            bytes[length++] = '[';
            boolean first = true;
            for (Object item : items) {
                ensure(1);
                if (!first) {
                    bytes[length++] = ',';
                }
                first = false;
                if (item == null) {
                    ascii("null");
                } else {
                    anyValue(item);
                }
            }
            ensure(1);
            bytes[length++] = ']';
        } else {
            quoted(String.valueOf(value));
        }
    }

    /**
     * A JSON string of at most {@link #MAX_VALUE_LENGTH} characters (then "..."), as UTF-8. Control
     * characters, quotes and backslashes are escaped; an unpaired surrogate, which has no UTF-8
     * form, becomes "?" as the JDK's encoder makes it.
     */
    private void quoted(String value) {
        boolean cut = value.length() > MAX_VALUE_LENGTH;
        String text = value;
        if (cut) {
            int end = MAX_VALUE_LENGTH;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
            text = value.substring(0, end);
        }
        // The JDK's encoder, compiled long before the first line: a loop of ours over characters
        // would run interpreted for the first few hundred lines of a fresh process.
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // At most 6 bytes per byte (a six-character escape), the quotes and "...".
        ensure(utf8.length * 6 + 5);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        int copied = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            // Negative: a byte of a multi-byte character, copied as it is.
            if (b >= 0x20 && b != '"' && b != '\\' || b < 0) {
                continue;
            }
            System.arraycopy(utf8, copied, out, at, i - copied);
            at += i - copied;
            copied = i + 1;
            at = escape((char) b, out, at);
        }
        System.arraycopy(utf8, copied, out, at, utf8.length - copied);
        at += utf8.length - copied;
        if (cut) {
            out[at++] = '.';
            out[at++] = '.';
            out[at++] = '.';
        }
        out[at++] = '"';
        length = at;
    }

    private static int escape(char c, byte[] out, int at) {
        out[at++] = '\\';
        switch (c) {
            case '"', '\\' -> out[at++] = (byte) c;
            case '\n' -> out[at++] = 'n';
            case '\r' -> out[at++] = 'r';
            case '\t' -> out[at++] = 't';
            case '\b' -> out[at++] = 'b';
            case '\f' -> out[at++] = 'f';
            default -> {
                out[at++] = 'u';
                out[at++] = '0';
                out[at++] = '0';
                out[at++] = HEX[c >> 4];
                out[at++] = HEX[c & 0xf];
            }
        }
        return at;
    }

    private void digits(long value) {
        if (value < 0) {
            ascii(Long.toString(value));
            return;
        }
        ensure(20);
        int count = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            count++;
        }
        int at = length + count;
        long rest = value;
        do {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        length += count;
    }

    private void ascii(String text) {
        ensure(text.length());
        copyAscii(text);
    }

    /**
     * Copies text known to be ASCII (member names, numbers, literals) with the JDK's copy of a
     * string's low bytes: an array copy, where a loop of ours would run interpreted at first.
     */
    @SuppressWarnings("deprecation")
    private void copyAscii(String text) {
        text.getBytes(0, text.length(), bytes, length);
        length += text.length();
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
