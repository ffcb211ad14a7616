package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.json.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyCommandTest {
    private static final InputStream NO_INPUT = InputStream.nullInputStream();

    @TempDir
    Path dir;

    @Test
    void printsANewKeyAndAnEntryHoldingOnlyItsDigest() throws Exception {
        String out = ApiKeyCommand.run(List.of("--id", "acme-1", "--principal", "partner-acme",
                "--allow", "GET /books", "--allow", "GET /books/*", "--context", "tenant=acme", "--context", "tier=2",
                "--usage-key", "acme-usage"), NO_INPUT);
        String key = line(out, "key:");
        assertTrue(key.matches("ak_[A-Za-z0-9_-]{43}"), key);
        Map<String, Object> entry = Json.asObject(Json.read(line(out, "entry:")));
        assertEquals("acme-1", entry.get("id"));
        assertEquals("sha256:" + sha256(key), entry.get("hash"));
        assertEquals("partner-acme", entry.get("principal"));
        assertEquals(List.of("GET /books", "GET /books/*"), entry.get("allow"));
        assertEquals("acme-usage", entry.get("usageIdentifierKey"));
        Map<String, Object> context = Json.asObject(entry.get("context"));
        assertEquals("acme", context.get("tenant"));
        assertEquals(2, ((Number) context.get("tier")).intValue(), "a number stays a number");
        assertFalse(line(out, "entry:").contains(key), "the entry must not hold the key");
    }

    @Test
    void everyKeyIsNew() throws Exception {
        List<String> args = List.of("--id", "a", "--principal", "p", "--allow", "GET /x");
        assertNotEquals(line(ApiKeyCommand.run(args, NO_INPUT), "key:"), line(ApiKeyCommand.run(args, NO_INPUT), "key:"));
    }

    @Test
    void aKeysFileGainsTheEntryAndOnlyTheKeyIsPrinted() throws Exception {
        Path file = dir.resolve("keys.json");
        String first = ApiKeyCommand.run(List.of("--id", "one", "--principal", "p1", "--allow", "GET /books", "--keys-file", file.toString()), NO_INPUT);
        String second = ApiKeyCommand.run(List.of("--id", "two", "--principal", "p2", "--allow", "ANY /*", "--keys-file", file.toString()), NO_INPUT);
        assertTrue(first.matches("ak_[A-Za-z0-9_-]{43}"), first);
        List<?> keys = (List<?>) Json.asObject(Json.read(Files.readString(file, StandardCharsets.UTF_8))).get("keys");
        assertEquals(2, keys.size());
        assertEquals("sha256:" + sha256(first), ((Map<?, ?>) keys.get(0)).get("hash"));
        assertEquals("sha256:" + sha256(second), ((Map<?, ?>) keys.get(1)).get("hash"));
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(content.contains(first) || content.contains(second), "the file must hold digests only");

        UsageException again = assertThrows(UsageException.class, () -> ApiKeyCommand.run(
                List.of("--id", "one", "--principal", "p", "--allow", "GET /x", "--keys-file", file.toString()), NO_INPUT));
        assertTrue(again.getMessage().contains("already has a key with id \"one\""), again.getMessage());
    }

    @Test
    void refusesWhatWouldMakeAnUnusableEntry() throws Exception {
        assertTrue(usage("--principal", "p", "--allow", "GET /x").contains("--id is required"));
        assertTrue(usage("--id", "has space", "--principal", "p", "--allow", "GET /x").contains("--id must be"));
        assertTrue(usage("--id", "a", "--allow", "GET /x").contains("--principal is required"));
        assertTrue(usage("--id", "a", "--principal", "p").contains("--allow is required"));
        assertTrue(usage("--id", "a", "--principal", "p", "--allow", "FETCH /x").contains("--allow \"FETCH /x\""));
        assertTrue(usage("--id", "a", "--principal", "p", "--allow", "GET /x", "--context", "principalId=x").contains("set by the authorizer"));
        assertTrue(usage("--id", "a", "--principal", "p", "--allow", "GET /x", "--id").contains("--id needs a value"));
        Path notAList = dir.resolve("other.json");
        Files.writeString(notAList, "{\"rules\":[]}");
        assertTrue(usage("--id", "a", "--principal", "p", "--allow", "GET /x", "--keys-file", notAList.toString())
                .contains("is not a key list document"));
    }

    @Test
    void anExistingKeyGetsAnEntryAndIsNeverPrinted() throws Exception {
        String existing = "legacy-partner-key-0123456789";
        String out = ApiKeyCommand.run(List.of("--id", "legacy", "--principal", "p", "--allow", "GET /x", "--key-from-stdin"),
                new ByteArrayInputStream((existing + "\n").getBytes(StandardCharsets.UTF_8)));
        assertFalse(out.contains(existing), out);
        assertEquals("sha256:" + sha256(existing), Json.asObject(Json.read(line(out, "entry:"))).get("hash"),
                "the line break echo adds is not part of the key");
        UsageException empty = assertThrows(UsageException.class, () -> ApiKeyCommand.run(
                List.of("--id", "a", "--principal", "p", "--allow", "GET /x", "--key-from-stdin"), NO_INPUT));
        assertTrue(empty.getMessage().contains("must hold one key"), empty.getMessage());
    }

    @Test
    void onlyANumberAsJsonWritesItIsANumberSoDistinctValuesStayDistinct() throws Exception {
        Map<String, Object> context = Json.asObject(Json.asObject(Json.read(line(ApiKeyCommand.run(List.of("--id", "a",
                "--principal", "p", "--allow", "GET /x", "--context", "a=007", "--context", "b=7", "--context", "c=-0",
                "--context", "d=0", "--context", "e=-12", "--context", "f=true", "--context", "g=True"), NO_INPUT), "entry:")))
                .get("context"));
        assertEquals("007", context.get("a"));
        assertEquals(7, ((Number) context.get("b")).intValue());
        assertEquals("-0", context.get("c"));
        assertEquals(0, ((Number) context.get("d")).intValue());
        assertEquals(-12, ((Number) context.get("e")).intValue());
        assertEquals(Boolean.TRUE, context.get("f"));
        assertEquals("True", context.get("g"));
    }

    @Test
    void aPipedKeyIsTakenWholeOrRefusedNeverCutShort() throws Exception {
        // 600 two-byte characters: 1200 bytes, within the 1024-character limit.
        String wide = "\u00e9".repeat(600);
        String out = ApiKeyCommand.run(List.of("--id", "wide", "--principal", "p", "--allow", "GET /x", "--key-from-stdin"),
                new ByteArrayInputStream(wide.getBytes(StandardCharsets.UTF_8)));
        assertEquals("sha256:" + sha256(wide), Json.asObject(Json.read(line(out, "entry:"))).get("hash"));
        for (byte[] input : List.of("k".repeat(1025).getBytes(StandardCharsets.UTF_8), "\u00e9".repeat(2100).getBytes(StandardCharsets.UTF_8),
                new byte[] {'k', 'e', 'y', (byte) 0xc3})) {
            UsageException e = assertThrows(UsageException.class, () -> ApiKeyCommand.run(
                    List.of("--id", "a", "--principal", "p", "--allow", "GET /x", "--key-from-stdin"), new ByteArrayInputStream(input)));
            assertTrue(e.getMessage().contains("must hold one key"), e.getMessage());
        }
    }

    private static String usage(String... args) {
        return assertThrows(UsageException.class, () -> ApiKeyCommand.run(List.of(args), NO_INPUT)).getMessage();
    }

    private static String line(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow().substring(label.length()).trim();
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
