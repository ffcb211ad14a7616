package dev.jwtauthorizer.serve.template;

/**
 * Scans a line for what lies outside its quoted scalars: comments and brackets. A quote only opens a
 * scalar where a token starts (so the apostrophe in {@code it's} is plain text), as in YAML.
 */
final class QuoteAwareScan {
    private QuoteAwareScan() {
    }

    /** The text without its comment: a # at the start or after a space, outside quotes. */
    static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == '\'' && quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                    i++; // '' is a quote inside single quotes
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && startsToken(line, i)) {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Whether every bracket opened outside quotes is closed. */
    static boolean bracketsClosed(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == '\'' && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++; // '' is a quote inside single quotes
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && startsToken(text, i)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return depth <= 0;
    }

    private static boolean startsToken(String text, int i) {
        return i == 0 || " \t[{,:".indexOf(text.charAt(i - 1)) >= 0;
    }

}
