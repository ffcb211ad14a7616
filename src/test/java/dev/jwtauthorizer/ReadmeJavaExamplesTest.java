package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java example in README.md is a complete source file that compiles against the library as
 * built, so a reader can paste it and an API change cannot leave the README behind.
 */
class ReadmeJavaExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (?:final |abstract )?(?:class|interface|record|enum) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    @TempDir
    Path sources;

    @TempDir
    Path classes;

    static List<String> examples() throws Exception {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        List<String> examples = new ArrayList<>();
        while (block.find()) {
            examples.add(block.group(1));
        }
        return examples;
    }

    @Test
    void everyJavaExampleIsACompleteFileThatCompiles() throws Exception {
        List<String> examples = examples();
        assertFalse(examples.isEmpty(), "README.md has no Java example");
        List<String> files = new ArrayList<>();
        for (String example : examples) {
            Matcher type = PUBLIC_TYPE.matcher(example);
            assertTrue(type.find(), () -> "a README Java example is not a complete file with a public type:\n" + example);
            Matcher pkg = PACKAGE.matcher(example);
            Path directory = pkg.find() ? sources.resolve(pkg.group(1).replace('.', '/')) : sources;
            Files.createDirectories(directory);
            Path file = directory.resolve(type.group(1) + ".java");
            assertFalse(Files.exists(file), "two README examples declare " + file);
            Files.writeString(file, example, StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("--release", "17",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString()));
        arguments.addAll(files);
        int status = compiler.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertEquals(0, status, () -> "README Java examples do not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }
}
