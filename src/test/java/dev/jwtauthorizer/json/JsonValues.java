package dev.jwtauthorizer.json;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Comparing and inspecting read JSON values (maps, lists, strings, boxed numbers) in tests. */
final class JsonValues {
    private static final int SHOWN = 300;

    private JsonValues() {
    }

    /** Equal as equals() has it (Integer is not Long, -0.0 is not 0.0) and with members in the same order. */
    static void assertSameValue(Object expected, Object actual, Supplier<String> message) {
        if (!same(expected, actual)) {
            fail(message.get() + "\n expected: " + shown(String.valueOf(expected)) + "\n actual:   " + shown(String.valueOf(actual)));
        }
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            // Map.equals ignores order; a reader that reordered members would hide it.
            Iterator<? extends Map.Entry<?, ?>> others = right.entrySet().iterator();
            for (Map.Entry<?, ?> member : left.entrySet()) {
                Map.Entry<?, ?> other = others.next();
                if (!member.getKey().equals(other.getKey()) || !same(member.getValue(), other.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    /** True when a string, member name or the text itself holds a surrogate that is not half of a pair. */
    static boolean holdsLoneSurrogate(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(member -> holdsLoneSurrogate(member.getKey()) || holdsLoneSurrogate(member.getValue()));
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(JsonValues::holdsLoneSurrogate);
        }
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean holdsNonFiniteDouble(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(JsonValues::holdsNonFiniteDouble);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(JsonValues::holdsNonFiniteDouble);
        }
        return value instanceof Double real && !Double.isFinite(real);
    }

    /** A text for a failure message: control characters, surrogates and U+FEFF as {@code <XXXX>}, cut at 300 characters. */
    static String shown(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < SHOWN; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || Character.isSurrogate(c) || c == '\ufeff' ? String.format("<%04X>", (int) c) : String.valueOf(c));
        }
        return text.length() > SHOWN ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}
