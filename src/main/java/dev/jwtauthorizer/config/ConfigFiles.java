package dev.jwtauthorizer.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files named by settings: looked up under Lambda's package root (or the working directory), then
 * in the package. A read error names the file and the kind of failure, never a word of its content.
 */
final class ConfigFiles {
    private final Path baseDirectory;

    /** @param taskRoot LAMBDA_TASK_ROOT: the package root when running in Lambda; null elsewhere */
    ConfigFiles(String taskRoot) {
        this.baseDirectory = Path.of(taskRoot != null && !taskRoot.isBlank() ? taskRoot : "").toAbsolutePath();
    }

    Path resolve(String name) {
        return baseDirectory.resolve(name);
    }

    String read(Setting setting, String name) {
        Path path = resolve(name);
        try {
            if (Files.isRegularFile(path)) {
                return Files.readString(path, StandardCharsets.UTF_8);
            }
            // In Lambda the package root is also the classpath root; the local jar carries the same files.
            try (InputStream in = ConfigFiles.class.getClassLoader().getResourceAsStream(name.replace('\\', '/'))) {
                if (in != null) {
                    // Strict, as Files.readString is: a malformed byte fails the start instead of becoming U+FFFD.
                    return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
                }
            }
        } catch (IOException e) {
            // A decoding error's message says nothing of the bytes; others name the path at most.
            throw new ConfigException(setting, "cannot read " + path + " (" + e.getClass().getSimpleName()
                    + "); it must be a readable UTF-8 JSON file");
        }
        throw new ConfigException(setting, "no file " + path + " and no " + name + " in the package");
    }
}
