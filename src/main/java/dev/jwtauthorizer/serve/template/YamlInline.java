package dev.jwtauthorizer.serve.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inline parts of {@link Yaml}: flow collections ({@code [a, b]}, {@code {k: v}}), quoted
 * scalars and plain scalars. A quoted scalar must end on its own line
 * (templates never continue one); everything unsupported is refused with the line number.
 */
final class YamlInline {
    private final String text;
    private final int lineNumber;
    private int pos;

    private YamlInline(String text, int lineNumber) {
        this.text = text;
        this.lineNumber = lineNumber;
    }

    /** A whole flow collection or quoted scalar; nothing may follow it but spaces. */
    static Object parse(String text, int lineNumber) {
        YamlInline reader = new YamlInline(text, lineNumber);
        Object value = reader.node(false);
        reader.skipSpaces();
        if (reader.pos < text.length()) {
            throw Yaml.error(lineNumber, "unexpected text after the value: '" + text.substring(reader.pos) + "'");
        }
        return value;
    }

    /** A plain scalar's value: null for ~ and null, else the text itself. */
    static Object plain(String text, int lineNumber) {
        if (text.contains(": ") || text.endsWith(":")) {
            throw Yaml.error(lineNumber, "a plain value cannot hold ': ' (quote it): " + text);
        }
        if (text.startsWith("@") || text.startsWith("`") || text.startsWith("%")) {
            throw Yaml.error(lineNumber, "a plain value cannot start with " + text.charAt(0) + " (quote it)");
        }
        return switch (text) {
            case "~", "null", "Null", "NULL" -> null;
            default -> text;
        };
    }

    /**
     * Where the ':' ending a block mapping key is in {@code content}, or -1 when the line is not a
     * "key: value" line. Complex keys ("? x", "[a]: b") are refused.
     */
    static int mappingKeyEnd(String content, int lineNumber) {
        if (content.equals("?") || content.startsWith("? ")) {
            throw Yaml.error(lineNumber, "complex mapping keys (?) are not supported");
        }
        if (content.isEmpty() || "!&*|>#".indexOf(content.charAt(0)) >= 0) {
            return -1;
        }
        char first = content.charAt(0);
        if ((first == '[' || first == '{') && !QuoteAwareScan.bracketsClosed(QuoteAwareScan.stripComment(content))) {
            return -1; // a flow collection going on over the next lines: a value, never a key
        }
        if (first == '[' || first == '{' || first == '"' || first == '\'') {
            YamlInline reader = new YamlInline(QuoteAwareScan.stripComment(content), lineNumber);
            reader.node(false);
            reader.skipSpaces();
            if (reader.pos < reader.text.length() && reader.text.charAt(reader.pos) == ':'
                    && reader.colonEndsKey(reader.pos)) {
                if (first == '[' || first == '{') {
                    throw Yaml.error(lineNumber, "complex mapping keys are not supported");
                }
                return reader.pos;
            }
            return -1;
        }
        String stripped = QuoteAwareScan.stripComment(content).stripTrailing();
        int colon = stripped.indexOf(": ");
        if (colon < 0 && stripped.endsWith(":")) {
            colon = stripped.length() - 1;
        }
        return colon;
    }

    /** A block mapping key's text (before its ':'), unquoted. */
    static String key(String text, int lineNumber) {
        String stripped = text.strip();
        if (stripped.startsWith("\"") || stripped.startsWith("'")) {
            return (String) parse(stripped, lineNumber);
        }
        if (stripped.isEmpty()) {
            throw Yaml.error(lineNumber, "empty mapping key");
        }
        return stripped;
    }

    private Object node(boolean mapKey) {
        skipSpaces();
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        switch (c) {
            case '[':
                return sequence();
            case '{':
                return mapping();
            case '"':
                return doubleQuoted();
            case '\'':
                return singleQuoted();
            case '!':
                int start = pos;
                while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && ",[]{}".indexOf(text.charAt(pos)) < 0) {
                    pos++;
                }
                String tag = text.substring(start, pos);
                return ShortTags.longForm(tag, node(mapKey), lineNumber);
            case '&':
            case '*':
                throw Yaml.error(lineNumber, "anchors and aliases are not supported");
            case ',', ']', '}':
                return null;
            default:
                return flowPlain(mapKey);
        }
    }

    private List<Object> sequence() {
        pos++; // [
        List<Object> list = new ArrayList<>();
        while (true) {
            skipSpaces();
            expectMore("]");
            if (text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            list.add(node(false));
            skipSpaces();
            expectMore("]");
            char c = text.charAt(pos);
            if (c == ':') {
                throw Yaml.error(lineNumber, "mappings inside a flow sequence are not supported; use {key: value}");
            }
            if (c == ',') {
                pos++;
            } else if (c != ']') {
                throw Yaml.error(lineNumber, "expected ',' or ']' in a flow sequence");
            }
        }
    }

    private Map<String, Object> mapping() {
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpaces();
            expectMore("}");
            if (text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            Object key = node(true);
            if (!(key instanceof String name)) {
                throw Yaml.error(lineNumber, "a flow mapping key must be a string");
            }
            skipSpaces();
            expectMore("}");
            Object value = null;
            if (text.charAt(pos) == ':') {
                pos++;
                value = node(false);
                skipSpaces();
                expectMore("}");
            }
            if (map.containsKey(name)) {
                throw Yaml.error(lineNumber, "duplicate key '" + name + "'");
            }
            map.put(name, value);
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw Yaml.error(lineNumber, "expected ',' or '}' in a flow mapping");
            }
        }
    }

    private Object flowPlain(boolean mapKey) {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (",[]{}".indexOf(c) >= 0 || (c == ':' && colonEndsKey(pos))) {
                break;
            }
            pos++;
        }
        String value = text.substring(start, pos).strip();
        return mapKey ? value : plain(value, lineNumber);
    }

    /** A ':' followed by a space, a flow indicator or the end is a key's end, not part of a value. */
    private boolean colonEndsKey(int colon) {
        return colon + 1 >= text.length() || " \t,[]{}".indexOf(text.charAt(colon + 1)) >= 0;
    }

    private String singleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        throw Yaml.error(lineNumber, "a quoted value must end on its line");
    }

    private String doubleQuoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            expectMore("an escape");
            char e = text.charAt(pos++);
            switch (e) {
                case '0' -> out.append('\0');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 't', '\t' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'v' -> out.append('\u000b');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case 'e' -> out.append('\u001b');
                case ' ', '"', '/', '\\' -> out.append(e);
                case 'N' -> out.append('\u0085');
                case '_' -> out.append('\u00a0');
                case 'L' -> out.append('\u2028');
                case 'P' -> out.append('\u2029');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u' -> out.appendCodePoint(hex(4));
                case 'U' -> out.appendCodePoint(hex(8));
                default -> throw Yaml.error(lineNumber, "unknown escape \\" + e);
            }
        }
        throw Yaml.error(lineNumber, "a quoted value must end on its line");
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw Yaml.error(lineNumber, "short \\x, \\u or \\U escape");
        }
        try {
            int codePoint = Integer.parseInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            if (!Character.isValidCodePoint(codePoint)) {
                throw Yaml.error(lineNumber, "escape out of range");
            }
            return codePoint;
        } catch (NumberFormatException e) {
            throw Yaml.error(lineNumber, "bad hex digits in an escape");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expectMore(String what) {
        if (pos >= text.length()) {
            throw Yaml.error(lineNumber, "unexpected end of line, expected " + what);
        }
    }
}
