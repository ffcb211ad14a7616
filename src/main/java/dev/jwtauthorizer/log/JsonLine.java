package dev.jwtauthorizer.log;

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
    private static final ThreadLocal<JsonLine> PER_THREAD = ThreadLocal.withInitial(JsonLine::new);

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
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    private void name(String name) {
        ensure(name.length() + 4);
        if (!empty) {
            bytes[length++] = ',';
        }
        empty = false;
        bytes[length++] = '"';
        for (int i = 0; i < name.length(); i++) {
            bytes[length++] = (byte) name.charAt(i);
        }
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
     * form, becomes U+FFFD.
     */
    private void quoted(String value) {
        int end = value.length();
        boolean cut = end > MAX_VALUE_LENGTH;
        if (cut) {
            end = MAX_VALUE_LENGTH;
            if (Character.isHighSurrogate(value.charAt(end - 1))) {
                end--;
            }
        }
        // At most 6 bytes per character (a six-character escape), the quotes and "...".
        ensure(end * 6 + 5);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    out[at++] = '\\';
                }
                out[at++] = (byte) c;
            } else if (c < 0x20) {
                at = control(c, out, at);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xf0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | code & 0x3f);
            } else {
                char unit = Character.isSurrogate(c) ? '\ufffd' : c;
                out[at++] = (byte) (0xe0 | unit >> 12);
                out[at++] = (byte) (0x80 | unit >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | unit & 0x3f);
            }
        }
        if (cut) {
            out[at++] = '.';
            out[at++] = '.';
            out[at++] = '.';
        }
        out[at++] = '"';
        length = at;
    }

    private static int control(char c, byte[] out, int at) {
        out[at++] = '\\';
        switch (c) {
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
        for (int i = 0; i < text.length(); i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
