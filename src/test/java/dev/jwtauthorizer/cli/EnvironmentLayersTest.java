package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the command line runs with: the process environment, overridden by the env-vars file. */
class EnvironmentLayersTest {
    @Test
    void theFileWinsWhereItGivesAValue() {
        Map<String, String> environment = Main.environment(
                Map.of("JWT_RULES", "[from the shell]", "HOME", "/root"), Map.of("JWT_RULES", "[from the file]"));
        assertEquals("[from the file]", environment.get("JWT_RULES"));
        assertEquals("/root", environment.get("HOME"));
    }

    @Test
    void aBlankInTheFileLeavesTheShellsValue() {
        // The development env.json lists every variable, blank where unused.
        Map<String, String> environment = Main.environment(Map.of("JWT_API_KEYS_FILE", "keys.json"),
                Map.of("JWT_API_KEYS_FILE", "", "JWT_ISSUERS", ""));
        assertEquals("keys.json", environment.get("JWT_API_KEYS_FILE"));
        assertEquals("", environment.get("JWT_ISSUERS"), "blank where neither gives a value");
    }
}
