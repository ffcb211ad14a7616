package dev.jwtauthorizer.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ACCP is an optional dependency: a project using this one as a library on x86, or one that left
 * it out, has no ACCP at all. The authorizer must then decide on the JDK's provider exactly as it
 * does with ACCP, and say so once at INFO instead of failing or warning.
 */
class WithoutAccpTest {
    @Test
    void decidesOnTheJdksProviderAndSaysSoOnce() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("AmazonCorrettoCryptoProvider"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.contains("java-jwt"), "the test class path, not a launcher jar: " + classPath);
        Path log = Files.createTempFile("without-accp", ".log");
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, WithoutAccp.class.getName())
                    .redirectError(log.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String errors = Files.readString(log);
            assertEquals(0, process.exitValue(), out + errors);

            assertTrue(out.contains("active=false"), out);
            assertFalse(out.contains("rsaProvider=AmazonCorrettoCryptoProvider"), out);
            assertTrue(out.contains("rs256=ROUTE_ALLOWED"), out);
            assertTrue(out.contains("es256=ROUTE_ALLOWED"), out);
            assertTrue(out.contains("forged=BAD_SIGNATURE"), out);

            List<String> providerLines = errors.lines().filter(line -> line.contains("\"event\":\"crypto_provider")).toList();
            assertEquals(1, providerLines.size(), errors);
            assertTrue(providerLines.get(0).contains("\"level\":\"INFO\""), providerLines.get(0));
            assertTrue(providerLines.get(0).contains("\"provider\":\"JDK\""), providerLines.get(0));
            // The forged token's decision line is a WARN; nothing else may be.
            assertTrue(errors.lines().filter(line -> !line.contains("\"event\":\"decision\""))
                    .allMatch(line -> line.startsWith("{\"level\":\"INFO\"")), errors);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
