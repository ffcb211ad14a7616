package dev.jwtauthorizer.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Plain Java values as JSON text, compact or indented by two spaces per level. */
final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out = new StringBuilder(128);
    private final boolean indented;
    private int depth;

    private JsonWriter(boolean indented) {
        this.indented = indented;
    }

    static String write(Object value, boolean indented) {
        JsonWriter writer = new JsonWriter(indented);
        writer.value(value);
        return writer.out.toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof List<?> list) {
            array(list);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof BigInteger || value instanceof BigDecimal) {
            out.append(value);
        } else if (value instanceof Number number) {
            double real = number.doubleValue();
            // JSON has no NaN or Infinity; written as the strings JavaScript's reader would show.
            if (Double.isFinite(real)) {
                out.append(real);
            } else {
                string(Double.toString(real));
            }
        } else {
            string(value.toString());
        }
    }

    private void object(Map<?, ?> map) {
        out.append('{');
        if (!map.isEmpty()) {
            depth++;
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                separate(first);
                first = false;
                string(String.valueOf(member.getKey()));
                out.append(indented ? ": " : ":");
                value(member.getValue());
            }
            depth--;
            newLine();
        }
        out.append('}');
    }

    private void array(List<?> list) {
        out.append('[');
        if (!list.isEmpty()) {
            depth++;
            boolean first = true;
            for (Object element : list) {
                separate(first);
                first = false;
                value(element);
            }
            depth--;
            newLine();
        }
        out.append(']');
    }

    private void separate(boolean first) {
        if (!first) {
            out.append(',');
        }
        newLine();
    }

    private void newLine() {
        if (indented) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /**
     * Quotes, backslashes and control characters escaped; every other character as it is. An
     * unpaired surrogate has no UTF-8 form and no strict reader takes its escape, so it is written
     * as '?', as the log lines write it.
     */
    private void string(String text) {
        out.append('"');
        int length = text.length();
        // Most text has nothing to escape: appended in one copy, from the first character that has.
        int plain = 0;
        while (plain < length && !needsEscaping(text.charAt(plain))) {
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                control(c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append('?');
                }
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean needsEscaping(char c) {
        return c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c);
    }

    private void control(char c) {
        switch (c) {
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
        }
    }
}
