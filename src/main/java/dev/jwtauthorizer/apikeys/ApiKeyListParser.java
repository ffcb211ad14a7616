package dev.jwtauthorizer.apikeys;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.policy.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the key list document: {@code {"keys":[{"id":..,"hash":"sha256:..","principal":..,
 * "allow":[..], "usageIdentifierKey":.., "context":{..}}]}}. Strict, so that a typo stops the start
 * (or keeps the last good list) instead of granting nothing, or more. A plaintext key is refused
 * with a message of its own: configuration holds hashes only.
 *
 * <p>No message quotes a hash, a refused member's value or a member name that could be a key.
 */
final class ApiKeyListParser {
    static final String MAKE_AN_ENTRY = "java -jar target/jwt-authorizer.jar api-key --id ID --principal P --allow 'GET /books/*'";
    private static final String SHAPE = "{\"keys\":[{\"id\":\"acme-2026-11\",\"hash\":\"sha256:...\",\"principal\":\"partner-acme\","
            + "\"allow\":[\"GET /books/*\"]}]}";
    private static final Set<String> FIELDS = Set.of("id", "hash", "principal", "allow", "usageIdentifierKey", "context");
    private static final Set<String> PLAINTEXT_FIELDS = Set.of("key", "apiKey", "api_key", "value", "secret", "plaintext", "token");
    private static final Set<String> RESERVED_CONTEXT_KEYS = Set.of("principalId", "apiKeyId");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SHOWABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,23}");

    private ApiKeyListParser() {
    }

    static ApiKeyList parse(byte[] document) {
        Object root;
        try {
            root = Json.read(document);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the document is not JSON (" + e.getMessage() + "); a secret "
                    + "holding one bare key, the old style, is not accepted: it must be JSON like " + SHAPE
                    + ", with hashes only; " + MAKE_AN_ENTRY + " makes an entry");
        }
        Map<String, Object> object = Json.asObject(root);
        if (object == null) {
            throw new IllegalArgumentException("the document is JSON but not an object like " + SHAPE + "; a secret "
                    + "holding one bare key, the old style, is not accepted: store hashes only; " + MAKE_AN_ENTRY + " makes an entry");
        }
        for (String name : object.keySet()) {
            refusePlaintext(name, "the document");
            if (!name.equals("keys")) {
                throw new IllegalArgumentException("the document has " + memberName(name) + " beside \"keys\"; the document is " + SHAPE);
            }
        }
        if (!(object.get("keys") instanceof List<?> keys) || keys.isEmpty()) {
            throw new IllegalArgumentException("the document has no keys: \"keys\" must be a non-empty array of entries like " + SHAPE
                    + "; " + MAKE_AN_ENTRY + " makes one");
        }
        List<ApiKeyEntry> entries = new ArrayList<>(keys.size());
        Map<String, Integer> ids = new HashMap<>();
        List<byte[]> digests = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ApiKeyEntry entry = entry(i + 1, keys.get(i));
            Integer before = ids.putIfAbsent(entry.id(), i + 1);
            if (before != null) {
                throw new IllegalArgumentException("entries " + before + " and " + (i + 1) + " have the same id \""
                        + entry.id() + "\"; each key needs an id of its own");
            }
            for (int j = 0; j < entries.size(); j++) {
                if (entries.get(j).algorithm() == entry.algorithm() && Arrays.equals(digests.get(j), entry.digest())) {
                    throw new IllegalArgumentException("entries " + (j + 1) + " and " + (i + 1) + " have the same hash: one key "
                            + "belongs to one entry; remove one of them");
                }
            }
            entries.add(entry);
            digests.add(entry.digest());
        }
        return new ApiKeyList(entries);
    }

    private static ApiKeyEntry entry(int number, Object element) {
        Map<String, Object> node = Json.asObject(element);
        String where = "entry " + number;
        if (node == null) {
            throw new IllegalArgumentException(where + " is not a JSON object like " + SHAPE);
        }
        for (String name : node.keySet()) {
            refusePlaintext(name, where);
        }
        String id = text(node, "id", where);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": \"id\" must be 1-64 letters, digits and . _ : - (like acme-2026-11)");
        }
        where = where + " (\"" + id + "\")";
        for (String name : node.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + " has an unknown member " + memberName(name)
                        + " (members: id, hash, principal, allow, usageIdentifierKey, context)");
            }
        }
        String hash = text(node, "hash", where);
        DigestAlgorithm algorithm = algorithm(hash, where);
        byte[] digest = hex(hash.substring(algorithm.prefix().length() + 1), algorithm, where);
        String principal = text(node, "principal", where);
        if (principal.isBlank()) {
            throw new IllegalArgumentException(where + ": \"principal\" must not be blank: it becomes the answer's principalId");
        }
        List<Route> routes = routes(node.get("allow"), where);
        String usageIdentifierKey = null;
        if (node.containsKey("usageIdentifierKey")) {
            usageIdentifierKey = text(node, "usageIdentifierKey", where);
        }
        return new ApiKeyEntry(id, algorithm, digest, principal, routes, usageIdentifierKey, context(node.get("context"), where));
    }

    /** A member that could only hold the key itself: configuration must never hold one. */
    private static void refusePlaintext(String name, String where) {
        if (PLAINTEXT_FIELDS.contains(name)) {
            throw new IllegalArgumentException(where + " has a member \"" + name + "\": a plaintext key in configuration "
                    + "is refused, as anyone who can read the configuration could use it; remove it and give the key's "
                    + "hash in \"hash\" instead (" + MAKE_AN_ENTRY + " prints the key once and the entry to store)");
        }
    }

    private static DigestAlgorithm algorithm(String hash, String where) {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            if (hash.startsWith(algorithm.prefix() + ":")) {
                return algorithm;
            }
        }
        throw badHash(where);
    }

    private static byte[] hex(String digits, DigestAlgorithm algorithm, String where) {
        if (digits.length() != 2 * algorithm.length()) {
            throw badHash(where);
        }
        byte[] digest = new byte[algorithm.length()];
        for (int i = 0; i < digest.length; i++) {
            int high = Character.digit(digits.charAt(2 * i), 16);
            int low = Character.digit(digits.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0 || digits.charAt(2 * i) > 'f' || digits.charAt(2 * i + 1) > 'f') {
                throw badHash(where);
            }
            digest[i] = (byte) (high << 4 | low);
        }
        return digest;
    }

    private static IllegalArgumentException badHash(String where) {
        return new IllegalArgumentException(where + ": \"hash\" must be sha256: and 64 hex digits, or sha512: and 128 "
                + "(the digest of the key's UTF-8 bytes); " + MAKE_AN_ENTRY + " prints it");
    }

    private static List<Route> routes(Object allow, String where) {
        if (!(allow instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": \"allow\" must be a non-empty array of routes like \"GET /books/*\"");
        }
        List<Route> routes = new ArrayList<>(list.size());
        for (Object route : list) {
            if (!(route instanceof String text)) {
                throw new IllegalArgumentException(where + ": \"allow\" entries must be strings like \"GET /books\"");
            }
            try {
                routes.add(Route.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return routes;
    }

    private static Map<String, Object> context(Object value, String where) {
        Map<String, Object> context = new LinkedHashMap<>();
        if (value == null) {
            return context;
        }
        Map<String, Object> object = Json.asObject(value);
        if (object == null) {
            throw new IllegalArgumentException(where + ": \"context\" must be an object of strings, numbers and booleans");
        }
        for (Map.Entry<String, Object> member : object.entrySet()) {
            String key = member.getKey();
            if (key.isEmpty() || RESERVED_CONTEXT_KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": \"context\" may not have the key \"" + key
                        + "\": the authorizer sets principalId and apiKeyId itself");
            }
            Object item = member.getValue();
            boolean scalar = item instanceof String || item instanceof Boolean || item instanceof Integer
                    || item instanceof Long || item instanceof Double number && Double.isFinite(number);
            if (!scalar) {
                throw new IllegalArgumentException(where + ": \"context\" value of \"" + key
                        + "\" must be a string, a number or a boolean, as API Gateway passes context on");
            }
            context.put(key, item);
        }
        return context;
    }

    private static String text(Map<String, Object> node, String member, String where) {
        if (!(node.get(member) instanceof String text) || text.isEmpty()) {
            throw new IllegalArgumentException(where + ": \"" + member + "\" must be a non-empty string");
        }
        return text;
    }

    /** A member's name, when it cannot be a key: a short word; anything else is described, not shown. */
    private static String memberName(String name) {
        return SHOWABLE_NAME.matcher(name).matches() ? "\"" + name + "\"" : "a member (name not shown: it may be a key)";
    }
}
