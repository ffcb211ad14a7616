package dev.jwtauthorizer.apikeys;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The {@code hash} of a key list entry: the digest of the key's UTF-8 bytes, written
 * {@code sha256:} + lower-case hex. What configuration holds instead of the key, so that reading the
 * configuration (a secret's value, a file, the function's variables) never gives anyone a key.
 */
public final class ApiKeyHash {
    private ApiKeyHash() {
    }

    /** {@code "sha256:" + 64 lower-case hex digits} of the key's UTF-8 bytes: the entry's {@code hash}. */
    public static String sha256(String key) {
        return of(DigestAlgorithm.SHA256, key);
    }

    /** The hash of the key with the given digest. */
    public static String of(DigestAlgorithm algorithm, String key) {
        return algorithm.prefix() + ":" + HexFormat.of().formatHex(algorithm.digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
