package dev.jwtauthorizer.serve.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A YAML block scalar: {@code |} keeps the line breaks, {@code >} folds lines into spaces (except
 * around empty and more indented lines); {@code -} strips the final line break, {@code +} keeps the
 * trailing empty lines, neither keeps one line break. An indentation digit may fix the indentation.
 */
final class BlockScalar {
    private BlockScalar() {
    }

    /**
     * Reads the scalar whose header ("|", ">-", "|+2"...) ends line {@code lineNumber}; its content
     * starts at line index {@code start}. {@code advance} is told the index of the first line after it.
     */
    static String read(String header, List<String> lines, IntConsumer advance, int start, int parentIndent,
                       int lineNumber) {
        boolean literal = header.charAt(0) == '|';
        char chomping = ' ';
        int indentDigit = 0;
        for (char c : header.substring(1).toCharArray()) {
            if ((c == '-' || c == '+') && chomping == ' ') {
                chomping = c;
            } else if (c >= '1' && c <= '9' && indentDigit == 0) {
                indentDigit = c - '0';
            } else {
                throw Yaml.error(lineNumber, "bad block scalar header '" + header + "'");
            }
        }
        int indent = indentDigit > 0 ? Math.max(parentIndent, 0) + indentDigit : contentIndent(lines, start);
        List<String> body = new ArrayList<>();
        int line = start;
        while (line < lines.size()) {
            String text = lines.get(line);
            if (text.isBlank()) {
                body.add(text.length() > indent ? text.substring(indent) : "");
            } else if (indent <= parentIndent || leadingSpaces(text) < indent) {
                break;
            } else {
                body.add(text.substring(indent));
            }
            line++;
        }
        advance.accept(line);
        int trailingEmpty = 0;
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
            trailingEmpty++;
        }
        String text = literal ? String.join("\n", body) : fold(body);
        if (body.isEmpty()) {
            return chomping == '+' ? "\n".repeat(trailingEmpty) : "";
        }
        return switch (chomping) {
            case '-' -> text;
            case '+' -> text + "\n" + "\n".repeat(trailingEmpty);
            default -> text + "\n";
        };
    }

    /** Folding: a break between two plain lines is a space; an empty line is a break of its own. */
    private static String fold(List<String> body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.size(); i++) {
            String current = body.get(i);
            if (i > 0) {
                String previous = body.get(i - 1);
                boolean previousPlain = !previous.isEmpty() && !moreIndented(previous);
                if (previousPlain && !current.isEmpty() && !moreIndented(current)) {
                    out.append(' ');
                } else if (!(previousPlain && current.isEmpty())) {
                    out.append('\n');
                }
            }
            out.append(current);
        }
        return out.toString();
    }

    private static boolean moreIndented(String line) {
        return line.startsWith(" ") || line.startsWith("\t");
    }

    private static int contentIndent(List<String> lines, int start) {
        for (int line = start; line < lines.size(); line++) {
            if (!lines.get(line).isBlank()) {
                return leadingSpaces(lines.get(line));
            }
        }
        return 0;
    }

    private static int leadingSpaces(String text) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
