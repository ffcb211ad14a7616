package dev.jwtauthorizer.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One strict pass over one JSON text (RFC 8259), building plain Java values.
 *
 * <p>Strict where readers disagree: a repeated member, a lone surrogate (raw or escaped), a
 * leading zero, a trailing comma, a comment, a single quote, text after the value and nesting
 * deeper than {@link Json#MAX_DEPTH} are errors. Errors say what kind of mistake and where, never
 * the text around it.
 */
final class JsonReader {
    /** Far beyond any real number; a longer one only costs BigInteger's quadratic parse. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final String text;
    private final int end;
    /** The text has no control character and no backslash (nor, being ASCII, any surrogate). */
    private final boolean plainStrings;
    private int at;
    private int depth;

    private JsonReader(String text, boolean plainStrings) {
        this.text = text;
        this.end = text.length();
        this.plainStrings = plainStrings;
    }

    static Object read(String text) {
        return read(text, false);
    }

    /** @param plainStrings the caller has seen that the text is ASCII with no control character and no backslash */
    static Object read(String text, boolean plainStrings) {
        JsonReader reader = new JsonReader(text, plainStrings);
        reader.skipWhitespace();
        if (reader.at == reader.end) {
            throw new IllegalArgumentException("no value");
        }
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != reader.end) {
            // "{}x" and "{}{}" are not one JSON value.
            throw reader.error("text after the value", reader.at);
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (at == end) {
            throw error("unexpected end of the text", at);
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || isDigit(c)) {
                    return number();
                }
                throw unexpected(at);
        }
    }

    private Map<String, Object> object() {
        enter();
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (at < end && text.charAt(at) == '}') {
            at++;
            depth--;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (at == end) {
                throw error("unexpected end of the text", at);
            }
            if (text.charAt(at) != '"') {
                throw unexpected(at);
            }
            int nameAt = at;
            String name = string();
            expectAfterWhitespace(':');
            int before = members.size();
            members.put(name, value());
            if (members.size() == before) {
                throw error("a repeated member" + quotedIfPlain(name), nameAt);
            }
            if (nextIsEndOf('}')) {
                depth--;
                return members;
            }
        }
    }

    private List<Object> array() {
        enter();
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (at < end && text.charAt(at) == ']') {
            at++;
            depth--;
            return elements;
        }
        do {
            elements.add(value());
        } while (!nextIsEndOf(']'));
        depth--;
        return elements;
    }

    private void enter() {
        if (++depth > Json.MAX_DEPTH) {
            throw error("nested deeper than " + Json.MAX_DEPTH + " levels", at);
        }
        at++;
    }

    /** After a member or element: true at the closing bracket, false at a comma, else an error. */
    private boolean nextIsEndOf(char close) {
        skipWhitespace();
        if (at == end) {
            throw error("unexpected end of the text", at);
        }
        char c = text.charAt(at++);
        if (c == close) {
            return true;
        }
        if (c == ',') {
            return false;
        }
        throw unexpected(at - 1);
    }

    private void expectAfterWhitespace(char expected) {
        skipWhitespace();
        if (at == end) {
            throw error("unexpected end of the text", at);
        }
        if (text.charAt(at) != expected) {
            throw unexpected(at);
        }
        at++;
    }

    private String string() {
        int start = ++at;
        if (plainStrings) {
            int quote = text.indexOf('"', start);
            if (quote < 0) {
                throw error("unexpected end of the text", end);
            }
            at = quote + 1;
            return text.substring(start, quote);
        }
        // Most strings have nothing to unescape or check: one scan and a substring.
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return text.substring(start, i);
            }
            if (c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                return slowString(start, i);
            }
        }
        throw error("unexpected end of the text", end);
    }

    private String slowString(int start, int from) {
        StringBuilder out = new StringBuilder(from - start + 16).append(text, start, from);
        int i = from;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                at = i + 1;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a control character inside a string", i);
            }
            if (c == '\\') {
                i = escape(i, out);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == end || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    throw error("not UTF-8 text", i);
                }
                out.append(c).append(text.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        throw error("unexpected end of the text", end);
    }

    /** Appends the escape at {@code backslash} and returns where the string goes on. */
    private int escape(int backslash, StringBuilder out) {
        int i = backslash + 1;
        if (i == end) {
            throw error("unexpected end of the text", end);
        }
        char c = text.charAt(i);
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hexUnit(i + 1);
                if (!Character.isSurrogate(unit)) {
                    out.append(unit);
                    return i + 5;
                }
                // A surrogate escape is only half a character: its pair must follow as an escape.
                if (Character.isHighSurrogate(unit) && i + 6 < end && text.charAt(i + 5) == '\\' && text.charAt(i + 6) == 'u') {
                    char low = hexUnit(i + 7);
                    if (Character.isLowSurrogate(low)) {
                        out.append(unit).append(low);
                        return i + 11;
                    }
                }
                throw error("an unpaired surrogate escape inside a string", backslash);
            }
            default -> throw error("an invalid escape inside a string", i);
        }
        return i + 1;
    }

    private char hexUnit(int from) {
        if (from + 4 > end) {
            throw error("unexpected end of the text", end);
        }
        int unit = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                throw error("an invalid escape inside a string", i);
            }
            unit = unit << 4 | digit;
        }
        return (char) unit;
    }

    private Object literal(String word, Object value) {
        if (text.startsWith(word, at) && (at + word.length() == end || !isWordPart(text.charAt(at + word.length())))) {
            at += word.length();
            return value;
        }
        throw unexpected(at);
    }

    /** RFC 8259 section 6: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private Object number() {
        int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        if (at < end && text.charAt(at) == '0') {
            at++;
            if (at < end && isDigit(text.charAt(at))) {
                throw error("an invalid number", at);
            }
        } else {
            digits();
        }
        boolean integral = true;
        if (at < end && text.charAt(at) == '.') {
            at++;
            digits();
            integral = false;
        }
        if (at < end && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            digits();
            integral = false;
        }
        if (at < end && isWordPart(text.charAt(at))) {
            throw error("an invalid number", at);
        }
        if (at - start > MAX_NUMBER_LENGTH) {
            throw error("a number over " + MAX_NUMBER_LENGTH + " characters", start);
        }
        String number = text.substring(start, at);
        if (!integral) {
            return Double.valueOf(number);
        }
        // Integer, Long or BigInteger by size, as other JSON readers in Java give them.
        if (at - start <= 18) {
            long value = Long.parseLong(number);
            return value == (int) value ? (Object) (int) value : (Object) value;
        }
        BigInteger big = new BigInteger(number);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private void digits() {
        int start = at;
        while (at < end && isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw at == end ? error("unexpected end of the text", at) : error("an invalid number", at);
        }
    }

    private void skipWhitespace() {
        while (at < end) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            at++;
        }
    }

    /** A word ("root", "True", "hunter3") where a value belongs is named as one; anything else is a character. */
    private IllegalArgumentException unexpected(int where) {
        char c = text.charAt(where);
        if (Character.isLetter(c)) {
            return error("a word that is not a JSON value", where);
        }
        return error("an unexpected character", where);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * Finding a repeated member needs its name, and a member name is not content worth hiding; but
     * a name with line breaks or of any length could forge or flood the line that logs the message.
     */
    private static String quotedIfPlain(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return "";
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) > 0x7E) {
                return "";
            }
        }
        return " '" + name + "'";
    }

    /** One unsigned comparison: no branch that priming's JSON may never take and real JSON then does. */
    private static boolean isDigit(char c) {
        return (char) (c - '0') <= 9;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '-' || c == '+';
    }

    /** Line and column are counted from 1, as editors count them; the text itself is never quoted. */
    private IllegalArgumentException error(String what, int where) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < where; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException(what + " at line " + line + ", column " + (where - lineStart + 1));
    }
}
