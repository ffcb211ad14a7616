package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout `sam build` deploys (target/classes at the root, runtime jars under lib/) holds
 * everything the handler needs and nothing a test or build needs.
 */
class LambdaPackageLayoutIT {
    private static final Path CLASSES = Path.of(System.getProperty("lambda.classes", "target/classes"));
    private static final Path LIB = Path.of(System.getProperty("lambda.lib", "target/lambda-layout/lib"));

    private static List<String> jars() throws Exception {
        try (Stream<Path> files = Files.list(LIB)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void libHoldsOnlyRuntimeDependencies() throws Exception {
        List<String> jars = jars();
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("com.auth0.java-jwt")), jars.toString());
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("com.amazonaws.aws-lambda-java-core")), jars.toString());
        // An optional dependency (for projects using this one as a library) that the function still ships.
        assertTrue(jars.stream().anyMatch(j -> j.startsWith("software.amazon.cryptools.AmazonCorrettoCryptoProvider")), jars.toString());
        for (String unwanted : List.of("junit", "aws-lambda-java-serialization", "aws-lambda-java-events", "joda-time", "guava",
                "jwks-rsa", "runtime-interface-client", "jackson-core", "jackson-databind", "jackson-annotations")) {
            assertTrue(jars.stream().noneMatch(j -> j.contains(unwanted)), unwanted + " in " + jars);
        }
        long bytes = 0;
        for (String jar : jars) {
            bytes += Files.size(LIB.resolve(jar));
        }
        System.out.printf("deployment package (uncompressed jars in lib/): %d KiB in %d jars%n", bytes / 1024, jars.size());
    }

    @Test
    void theHandlerRunsFromClassesPlusLib() throws Exception {
        String classpath = CLASSES + File.pathSeparator + LIB + File.separator + "*";
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "dev.jwtauthorizer.cli.Main",
                "invoke", "-e", "events/valid-token.json", "--env-vars", "events/env.json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        assertTrue(out.contains("\"Effect\":\"Allow\""), out);
    }
}
