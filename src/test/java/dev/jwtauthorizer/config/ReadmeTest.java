package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every variable the authorizer reads, with its default. */
class ReadmeTest {
    @Test
    void everySettingIsDocumentedWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting setting : Setting.values()) {
            String shown = setting.defaultValue() == null
                    ? (setting.description().startsWith("Required") ? "(required)" : "none")
                    : "`" + setting.defaultValue() + "`";
            String row = "| `" + setting.name() + "` | " + shown + " |";
            assertTrue(readme.contains(row), "README lacks the row starting " + row);
        }
    }
}
