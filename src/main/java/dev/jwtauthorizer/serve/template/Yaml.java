package dev.jwtauthorizer.serve.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML that CloudFormation and SAM templates are written in into plain values: a
 * {@link LinkedHashMap} in document order, a {@link List}, a {@link String} (numbers and booleans
 * too: CloudFormation reads them as strings) or null. The short tags become CloudFormation's long
 * form ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": [A, B]}}).
 *
 * <p>Only the subset templates use: block mappings and sequences, flow collections, plain and quoted
 * scalars, {@code |} and {@code >} block scalars, comments and one leading {@code ---}. Anything else
 * (anchors, aliases, merge keys, complex keys, several documents, tabs as indentation) is refused
 * with an {@link IllegalArgumentException} naming the line, rather than read differently from
 * CloudFormation. Inline values (flow collections, quoted scalars) are read by {@link YamlInline}, tags by {@link ShortTags}.
 */
public final class Yaml {
    private final List<String> lines = new ArrayList<>();
    private int next; // index of the next line to read

    private Yaml(String text) {
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line);
        }
    }

    /** The document's value; null for an empty document. */
    public static Object parse(String text) {
        Yaml yaml = new Yaml(text);
        yaml.skipBlank();
        if (yaml.next < yaml.lines.size()) {
            String first = yaml.lines.get(yaml.next);
            if (first.startsWith("%")) {
                throw error(yaml.next + 1, "directives are not supported");
            }
            if (first.equals("---") || first.startsWith("--- ")) {
                if (!QuoteAwareScan.stripComment(first.substring(3)).isBlank()) {
                    throw error(yaml.next + 1, "a value on the '---' line is not supported");
                }
                yaml.next++;
            }
        }
        yaml.skipBlank();
        if (yaml.next >= yaml.lines.size()) {
            return null;
        }
        Object value = yaml.block(yaml.indentOf(yaml.next));
        yaml.skipBlank();
        if (yaml.next < yaml.lines.size()) {
            String line = yaml.lines.get(yaml.next);
            if (line.startsWith("---") || line.startsWith("...")) {
                throw error(yaml.next + 1, "several documents in one file are not supported");
            }
            throw error(yaml.next + 1, "unexpected indentation or content");
        }
        return value;
    }

    static IllegalArgumentException error(int lineNumber, String message) {
        return new IllegalArgumentException("line " + lineNumber + ": " + message);
    }

    /** A block node whose first line (the current one) is indented by {@code indent}. */
    private Object block(int indent) {
        String content = lines.get(next).substring(indent);
        if (isSequenceItem(content)) {
            return sequence(indent);
        }
        if (YamlInline.mappingKeyEnd(content, next + 1) >= 0) {
            return mapping(indent);
        }
        int lineNumber = next + 1;
        next++;
        return value(content, indent - 1, false, lineNumber);
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (atIndent(indent)) {
            int lineNumber = next + 1;
            String content = lines.get(next).substring(indent);
            int keyEnd = YamlInline.mappingKeyEnd(content, lineNumber);
            if (keyEnd < 0) {
                throw error(lineNumber, "expected 'key: value' in a mapping");
            }
            String key = YamlInline.key(content.substring(0, keyEnd), lineNumber);
            if (key.equals("<<")) {
                throw error(lineNumber, "merge keys (<<) are not supported");
            }
            if (map.containsKey(key)) {
                throw error(lineNumber, "duplicate key '" + key + "'");
            }
            next++;
            map.put(key, value(content.substring(keyEnd + 1), indent, true, lineNumber));
        }
        return map;
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        while (atIndent(indent) && isSequenceItem(lines.get(next).substring(indent))) {
            int lineNumber = next + 1;
            String rest = lines.get(next).substring(indent + 1);
            int offset = rest.length() - rest.stripLeading().length();
            String item = rest.stripLeading();
            if (YamlInline.mappingKeyEnd(item, lineNumber) >= 0 || isSequenceItem(item)) {
                // "- key: value" and "- - x": the item is a block node starting at the column after "- ",
                // so the line is read again as if the dash were a space.
                int column = indent + 1 + offset;
                lines.set(next, " ".repeat(column) + item);
                list.add(block(column));
            } else {
                next++;
                list.add(value(rest, indent, false, lineNumber));
            }
        }
        return list;
    }

    /**
     * The value after "key:" or "- " on line {@code lineNumber}: inline, a block scalar, or (when
     * nothing follows) the block node on the next lines, indented deeper than {@code parentIndent}
     * (or, after a key, a sequence at the key's own indentation: "key:\n- a").
     */
    private Object value(String text, int parentIndent, boolean afterKey, int lineNumber) {
        String inline = QuoteAwareScan.stripComment(text).strip();
        if (inline.startsWith("!")) {
            int end = endOfToken(inline);
            String tag = inline.substring(0, end);
            return ShortTags.longForm(tag, value(inline.substring(end), parentIndent, afterKey, lineNumber), lineNumber);
        }
        if (inline.startsWith("&") || inline.startsWith("*")) {
            throw error(lineNumber, "anchors and aliases are not supported");
        }
        if (inline.startsWith("|") || inline.startsWith(">")) {
            return BlockScalar.read(inline, lines, this::advanceTo, next, parentIndent, lineNumber);
        }
        if (inline.isEmpty()) {
            return nestedBlock(parentIndent, afterKey);
        }
        if (inline.startsWith("[") || inline.startsWith("{")) {
            return YamlInline.parse(joinFlowLines(inline, lineNumber), lineNumber);
        }
        if (inline.startsWith("\"") || inline.startsWith("'")) {
            return YamlInline.parse(inline, lineNumber);
        }
        return YamlInline.plain(withContinuationLines(inline, parentIndent), lineNumber);
    }

    private Object nestedBlock(int parentIndent, boolean afterKey) {
        skipBlank();
        if (next >= lines.size()) {
            return null;
        }
        int indent = indentOf(next);
        if (indent > parentIndent) {
            return block(indent);
        }
        // A sequence may sit at its key's own indentation ("key:\n- a\n- b").
        if (afterKey && indent == parentIndent && isSequenceItem(lines.get(next).substring(indent))) {
            return sequence(indent);
        }
        return null;
    }

    /** A flow collection may go on over several lines: read on until its brackets close. */
    private String joinFlowLines(String first, int lineNumber) {
        StringBuilder text = new StringBuilder(first);
        while (!QuoteAwareScan.bracketsClosed(text.toString())) {
            if (next >= lines.size()) {
                throw error(lineNumber, "flow collection not closed");
            }
            text.append(' ').append(QuoteAwareScan.stripComment(lines.get(next)).strip());
            next++;
        }
        return text.toString();
    }

    /** A plain scalar may go on over more indented lines; they join with a space. */
    private String withContinuationLines(String first, int parentIndent) {
        StringBuilder text = new StringBuilder(first);
        while (next < lines.size() && !isBlankOrComment(lines.get(next)) && indentOf(next) > parentIndent) {
            String continuation = lines.get(next).strip();
            if (YamlInline.mappingKeyEnd(continuation, next + 1) >= 0) {
                throw error(next + 1, "unexpected indentation");
            }
            text.append(' ').append(QuoteAwareScan.stripComment(lines.get(next)).strip());
            next++;
        }
        return text.toString();
    }

    private void advanceTo(int line) {
        next = line;
    }

    private boolean atIndent(int indent) {
        skipBlank();
        if (next >= lines.size()) {
            return false;
        }
        int actual = indentOf(next);
        if (actual == 0 && isDocumentMarker(lines.get(next))) {
            return false;
        }
        if (actual > indent) {
            throw error(next + 1, "unexpected indentation");
        }
        return actual == indent;
    }

    private void skipBlank() {
        while (next < lines.size() && isBlankOrComment(lines.get(next))) {
            next++;
        }
    }

    private int indentOf(int line) {
        String text = lines.get(line);
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        if (indent < text.length() && text.charAt(indent) == '\t') {
            throw error(line + 1, "tabs are not allowed in indentation");
        }
        return indent;
    }

    static boolean isBlankOrComment(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private static boolean isDocumentMarker(String line) {
        return line.equals("---") || line.startsWith("--- ") || line.equals("...") || line.startsWith("... ");
    }

    private static boolean isSequenceItem(String content) {
        return content.equals("-") || content.startsWith("- ");
    }

    private static int endOfToken(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
