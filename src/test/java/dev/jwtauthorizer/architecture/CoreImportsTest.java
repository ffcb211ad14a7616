package dev.jwtauthorizer.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core (verification, keys and their lifecycle, rules, policy and simple-response builders: every
 * package except {@code lambda}, {@code cli} and {@code serve}) imports nothing from the Lambda
 * runtime or the command line, so the library can be used without either and the function and the
 * command line sit on top of it. Read from the sources: imports, static imports and fully qualified
 * names in code (comments are not dependencies and are left out).
 */
class CoreImportsTest {
    static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> OUTER_PACKAGES = List.of("dev.jwtauthorizer.lambda", "dev.jwtauthorizer.cli", "dev.jwtauthorizer.serve");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(com\\s*\\.\\s*amazonaws\\s*\\.\\s*services\\s*\\.\\s*lambda|dev\\s*\\.\\s*jwtauthorizer\\s*\\.\\s*(?:lambda|cli|serve))\\b");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    @Test
    void noCorePackageDependsOnTheLambdaRuntimeOrTheCommandLine() throws IOException {
        List<String> violations = new ArrayList<>();
        int coreFiles = 0;
        for (Path file : javaFiles()) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            if (isCore(packageOf(source))) {
                coreFiles++;
                violations.addAll(violations(SOURCES.relativize(file).toString(), source));
            }
        }
        assertTrue(coreFiles > 50, "found only " + coreFiles + " core source files under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), violations, "core classes must not use the Lambda runtime or the command line; "
                + "move the code into lambda, cli or serve, or pass what it needs in from there");
    }

    /** The check itself finds what it must, and only that: a test of the test. */
    @Test
    void importsStaticImportsAndQualifiedNamesAreFoundButCommentsAreNot() {
        assertEquals(1, violations("A.java", "package dev.jwtauthorizer.keys;\nimport com.amazonaws.services.lambda.runtime.Context;\n").size());
        assertEquals(1, violations("A.java", "import static dev.jwtauthorizer.cli.Main.main;\n").size());
        assertEquals(1, violations("A.java", "import dev.jwtauthorizer.serve.*;\n").size());
        assertEquals(1, violations("A.java", "class A { Object o = new dev.jwtauthorizer.lambda.AuthorizerHandler(); }\n").size());
        assertEquals(1, violations("A.java", "class A { Object o = dev.jwtauthorizer\n    .cli.Main.class; }\n").size());
        assertEquals(List.of(), violations("A.java", "/** See {@link dev.jwtauthorizer.lambda.AuthorizerHandler}. */\n"
                + "// dev.jwtauthorizer.cli runs this too\nclass A { dev.jwtauthorizer.lambdas.X x; dev.jwtauthorizer.serves y; }\n"));
        // A comment opener inside a string hides nothing that follows it.
        assertEquals(1, violations("A.java", "class A { String s = \"*/*\"; Object o = dev.jwtauthorizer.cli.Main.class; String t = \"*/\"; }").size());
        assertEquals(1, violations("A.java", "class A { String s = \"http://x\"; Object o = dev.jwtauthorizer.cli.Main.class; }").size());
        assertTrue(isCore("dev.jwtauthorizer.verify") && isCore("dev.jwtauthorizer") && isCore("dev.jwtauthorizer.clients"));
        assertTrue(!isCore("dev.jwtauthorizer.serve.template") && !isCore("dev.jwtauthorizer.lambda") && !isCore("dev.jwtauthorizer.cli"));
    }

    static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String packageOf(String source) {
        Matcher matcher = PACKAGE.matcher(withoutComments(source));
        return matcher.find() ? matcher.group(1) : "";
    }

    static boolean isCore(String packageName) {
        return OUTER_PACKAGES.stream().noneMatch(outer -> packageName.equals(outer) || packageName.startsWith(outer + "."));
    }

    /** "file:line: reference" for each use of a forbidden package outside comments. */
    static List<String> violations(String file, String source) {
        String code = withoutComments(source);
        List<String> found = new ArrayList<>();
        Matcher use = FORBIDDEN.matcher(code);
        while (use.find()) {
            long line = code.substring(0, use.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add(file + ":" + line + ": " + use.group(1).replaceAll("\\s", ""));
        }
        return found;
    }

    /**
     * The source with every comment turned into spaces (line breaks kept, so line numbers stay true).
     * String and character literals are skipped whole: "https://..." or "*\/*" in a string opens no
     * comment.
     */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                boolean textBlock = c == '"' && source.startsWith("\"\"\"", i);
                String end = textBlock ? "\"\"\"" : String.valueOf(c);
                i += end.length();
                while (i < code.length() && !source.startsWith(end, i)) {
                    i += code.charAt(i) == '\\' ? 2 : 1;
                }
                i += end.length();
            } else if (source.startsWith("//", i) || source.startsWith("/*", i)) {
                String end = source.startsWith("//", i) ? "\n" : "*/";
                int stop = source.indexOf(end, i + 2);
                stop = stop < 0 ? code.length() : end.equals("\n") ? stop : stop + 2;
                for (; i < stop; i++) {
                    if (code.charAt(i) != '\n') {
                        code.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return code.toString();
    }
}
