package dev.jwtauthorizer.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API keys for tests, and key list documents holding their hashes, computed here with the JDK's
 * own digests rather than by the code under test.
 */
public final class ApiKeys {
    /** acme's current key: GET /books/* and $connect, hashed with SHA-256. */
    public static final String ACME = "jwta_Qm9va3NBbmRPcmRlcnMtYWNtZS0yMDI2LTExLXRlc3Qta2V5";
    /** acme's next key, added during a rotation, hashed with SHA-512. */
    public static final String ACME_NEXT = "jwta_bmV4dC1rZXktZm9yLWFjbWUtYWRkZWQtaW4tMjAyNy0wMS0wMQ";
    /** A key that may only delete books: right key, other routes. */
    public static final String WRITER = "jwta_d3JpdGVyLWtleS10aGF0LW1heS1vbmx5LWRlbGV0ZS1ib29rcw";
    public static final String SECRET_ID = "prod/api-keys";
    public static final String SECRETS_PATH = "/secretsmanager/get";

    private ApiKeys() {
    }

    public static String acmeEntry() {
        return entry("acme-2026-11", sha256(ACME), "partner-acme", List.of("GET /books/*", "$connect"), "usage-acme",
                Map.of("tenant", "acme", "tier", 2));
    }

    public static String acmeNextEntry() {
        return entry("acme-2027-01", sha512(ACME_NEXT), "partner-acme", List.of("GET /books/*", "$connect"), "usage-acme",
                Map.of("tenant", "acme", "tier", 2));
    }

    public static String writerEntry() {
        return entry("writer-1", sha256(WRITER), "cron-writer", List.of("DELETE /books/*"), null, Map.of());
    }

    /** One entry of the key list, members in the documented order. */
    public static String entry(String id, String hash, String principal, List<String> allow, String usageIdentifierKey,
                               Map<String, Object> context) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("hash", hash);
        entry.put("principal", principal);
        entry.put("allow", allow);
        if (usageIdentifierKey != null) {
            entry.put("usageIdentifierKey", usageIdentifierKey);
        }
        if (!context.isEmpty()) {
            entry.put("context", new LinkedHashMap<>(context));
        }
        return Tokens.json(entry);
    }

    /** {@code {"keys":[entries]}}. */
    public static String document(String... entries) {
        return "{\"keys\":[" + String.join(",", entries) + "]}";
    }

    /** GetSecretValue's answer with this SecretString, as the Secrets extension serves it. */
    public static String getSecretValue(String secretString) {
        return Tokens.json(Map.of("Name", SECRET_ID, "SecretString", secretString, "VersionId", "v1"));
    }

    /**
     * API keys only (no JWT issuer), the list in the secret {@link #SECRET_ID} read through a
     * Secrets extension on this loopback port.
     */
    public static Map<String, String> secretFromExtension(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JWT_API_KEYS_SECRET_ID", SECRET_ID);
        env.put("JWT_SECRETS_VIA", "extension");
        env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(port));
        env.put("AWS_SESSION_TOKEN", "the-session-token");
        return env;
    }

    public static String sha256(String key) {
        return "sha256:" + HexFormat.of().formatHex(digest("SHA-256", key));
    }

    public static String sha512(String key) {
        return "sha512:" + HexFormat.of().formatHex(digest("SHA-512", key));
    }

    /** Every spelling of the key's material a log must never hold: the key, its digests in hex and base64. */
    public static List<String> material(String key) {
        byte[] sha256 = digest("SHA-256", key);
        byte[] sha512 = digest("SHA-512", key);
        return List.of(key, HexFormat.of().formatHex(sha256), HexFormat.of().formatHex(sha512),
                Base64.getEncoder().encodeToString(sha256), Base64.getUrlEncoder().withoutPadding().encodeToString(sha256),
                Base64.getEncoder().encodeToString(sha512), HexFormat.of().formatHex(sha256).substring(0, 16));
    }

    private static byte[] digest(String algorithm, String key) {
        try {
            return MessageDigest.getInstance(algorithm).digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
