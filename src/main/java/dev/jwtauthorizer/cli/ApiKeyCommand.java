package dev.jwtauthorizer.cli;

import dev.jwtauthorizer.apikeys.ApiKeyHash;
import dev.jwtauthorizer.apikeys.ApiKeyMatcher;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.policy.Route;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code api-key}: makes a new API key and the entry that lets the authorizer recognise it. The key
 * is printed once and kept nowhere; the entry holds only its SHA-256, so the key list document can
 * sit in Secrets Manager, a file or a variable without giving a key away.
 */
final class ApiKeyCommand {
    static final String USAGE = "usage: java -jar jwt-authorizer.jar api-key --id ID --principal PRINCIPAL --allow 'VERB /path'... "
            + "[--context NAME=VALUE]... [--usage-key KEY] [--keys-file FILE] [--key-from-stdin]";
    /** 32 random bytes: as strong as an HS256 secret, and too long to guess. */
    private static final int KEY_BYTES = 32;
    /** Marks a key as this authorizer's, for people and for secret scanners. */
    private static final String KEY_PREFIX = "ak_";
    /** The longest key the authorizer accepts from a request. */
    private static final int MAX_KEY_LENGTH = ApiKeyMatcher.MAX_KEY_LENGTH;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private ApiKeyCommand() {
    }

    /**
     * What to print on standard output: the key and the entry, or only the key when the entry went
     * into a file. With --key-from-stdin the key is one the client has already (migrating from a
     * key kept in plaintext), read from {@code stdin}, and never printed.
     */
    static String run(List<String> args, InputStream stdin) throws UsageException, IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        List<String> allow = new ArrayList<>();
        Map<String, Object> context = new LinkedHashMap<>();
        String id = null;
        String principal = null;
        String usageKey = null;
        Path keysFile = null;
        boolean keyFromStdin = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--key-from-stdin")) {
                keyFromStdin = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg.startsWith("--") ? arg + " needs a value" : "unexpected argument \"" + arg + "\"\n" + USAGE);
            }
            String value = args.get(++i);
            switch (arg) {
                case "--id" -> id = value;
                case "--principal" -> principal = value;
                case "--allow" -> allow.add(route(value));
                case "--context" -> contextEntry(value, context);
                case "--usage-key" -> usageKey = value;
                case "--keys-file" -> keysFile = Path.of(value);
                default -> throw new UsageException("unexpected argument \"" + arg + "\"\n" + USAGE);
            }
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new UsageException(id == null ? "--id is required: a name for the key, logged with each decision (for example partner-acme-2026-11)\n" + USAGE
                    : "--id must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        if (principal == null || principal.isBlank()) {
            throw new UsageException("--principal is required: the principalId of requests that carry the key\n" + USAGE);
        }
        if (allow.isEmpty()) {
            throw new UsageException("--allow is required at least once: the routes the key may call ('GET /books/*', 'ANY /*')\n" + USAGE);
        }
        String key = keyFromStdin ? existingKey(stdin) : newKey();
        entry.put("id", id);
        entry.put("hash", ApiKeyHash.sha256(key));
        entry.put("principal", principal);
        entry.put("allow", allow);
        if (usageKey != null) {
            entry.put("usageIdentifierKey", usageKey);
        }
        if (!context.isEmpty()) {
            entry.put("context", context);
        }
        if (keysFile != null) {
            addTo(keysFile, entry);
            if (keyFromStdin) {
                return "api-key: entry \"" + id + "\" added to " + keysFile;
            }
            System.err.println("api-key: entry \"" + id + "\" added to " + keysFile + "; the key, printed on standard output, is shown only this once");
            return key;
        }
        if (keyFromStdin) {
            return "entry: " + Json.write(entry);
        }
        return "key:   " + key + "\n"
                + "       (shown only this once: give it to the client; it is stored nowhere)\n"
                + "entry: " + Json.write(entry) + "\n"
                + "       (add it to the \"keys\" array of the key list document: the secret, JWT_API_KEYS or JWT_API_KEYS_FILE)";
    }

    private static String route(String text) throws UsageException {
        try {
            Route.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--allow \"" + text + "\": " + e.getMessage());
        }
    }

    /**
     * NAME=VALUE; a number as JSON writes one (no leading zero, no "-0") is a number and true/false a
     * boolean, as in a JSON document; anything else stays text, so "007" never becomes the 7 of
     * another entry.
     */
    private static void contextEntry(String text, Map<String, Object> context) throws UsageException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--context takes NAME=VALUE, not \"" + text + "\"");
        }
        String name = text.substring(0, eq);
        String value = text.substring(eq + 1);
        if (name.equals("principalId") || name.equals("apiKeyId")) {
            throw new UsageException("--context " + name + " is set by the authorizer itself; choose another name");
        }
        if (value.matches("-?(0|[1-9][0-9]{0,14})") && !value.equals("-0")) {
            context.put(name, Long.parseLong(value));
        } else if (value.equals("true") || value.equals("false")) {
            context.put(name, Boolean.parseBoolean(value));
        } else {
            context.put(name, value);
        }
    }

    private static String newKey() {
        byte[] random = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(random);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /**
     * The key as piped in, all of it (a key cut short would be stored as the hash of its prefix); one
     * trailing line break (what echo adds) is not part of it.
     */
    private static String existingKey(InputStream stdin) throws IOException, UsageException {
        // Room for the longest key in UTF-8 (4 bytes a character) and a CRLF, and one byte to tell "more".
        int room = 4 * MAX_KEY_LENGTH + 2;
        byte[] bytes = stdin.readNBytes(room + 1);
        String key;
        try {
            key = bytes.length > room ? null : Json.strictUtf8(bytes);
        } catch (IllegalArgumentException e) {
            key = null;
        }
        if (key == null) {
            throw new UsageException("--key-from-stdin: standard input must hold one key of 1-" + MAX_KEY_LENGTH
                    + " printable characters in UTF-8 (printf '%s' \"$KEY\" | ...)");
        }
        key = key.endsWith("\r\n") ? key.substring(0, key.length() - 2) : key.endsWith("\n") ? key.substring(0, key.length() - 1) : key;
        if (!ApiKeyMatcher.isWellFormed(key)) {
            throw new UsageException("--key-from-stdin: standard input must hold one key of 1-" + MAX_KEY_LENGTH
                    + " printable characters (printf '%s' \"$KEY\" | ...)");
        }
        return key;
    }

    /** Adds the entry to the document in the file, or starts one; an id already there is refused. */
    private static void addTo(Path file, Map<String, Object> entry) throws IOException, UsageException {
        Map<String, Object> document = new LinkedHashMap<>();
        List<Object> keys = new ArrayList<>();
        if (Files.exists(file)) {
            Map<String, Object> existing;
            try {
                existing = Json.asObject(Json.read(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                existing = null;
            }
            if (existing == null || !(existing.get("keys") instanceof List<?> list)) {
                throw new UsageException(file + " is not a key list document ({\"keys\":[...]}); give a new file or fix it");
            }
            document.putAll(existing);
            keys.addAll(list);
            for (Object other : list) {
                if (other instanceof Map<?, ?> map && entry.get("id").equals(map.get("id"))) {
                    throw new UsageException(file + " already has a key with id \"" + entry.get("id") + "\"; choose a new id");
                }
            }
        }
        keys.add(entry);
        document.put("keys", keys);
        Files.writeString(file, Json.writePretty(document) + "\n", StandardCharsets.UTF_8);
    }
}
