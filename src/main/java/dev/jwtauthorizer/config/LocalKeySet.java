package dev.jwtauthorizer.config;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwksParser;
import dev.jwtauthorizer.keys.PublishedNumbers;
import dev.jwtauthorizer.keys.VerificationKey;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A key set known at start (JWT_JWKS, or a file: URI), checked then: a mistake in it is a mistake
 * in configuration, and would otherwise lock everyone out (no usable key) or publish what must stay
 * private (a private key's members). Messages name a key by its kid, never quote the document.
 */
final class LocalKeySet {
    private final List<VerificationKey> keys;

    private LocalKeySet(List<VerificationKey> keys) {
        this.keys = keys;
    }

    /** The keys, imported once: the key set's cache takes them as they are. */
    List<VerificationKey> keys() {
        return keys;
    }

    /** @throws IllegalArgumentException saying what is wrong and what to do instead */
    static LocalKeySet check(byte[] document) {
        Object json;
        Map<String, Object> root;
        try {
            json = Json.read(document);
            root = Json.asObject(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not JSON (" + e.getMessage() + "); expected a key set like {\"keys\":[...]}");
        }
        if (root == null || !(root.get("keys") instanceof List<?> jwks)) {
            throw new IllegalArgumentException("is not a key set: expected a JSON object with a \"keys\" array");
        }
        if (jwks.isEmpty()) {
            throw new IllegalArgumentException("is an empty key set, which verifies no token; add the issuer's public keys");
        }
        for (int i = 0; i < jwks.size(); i++) {
            Map<String, Object> jwk = Json.asObject(jwks.get(i));
            List<String> secret = jwk == null ? List.of() : JwksParser.privateMembers(jwk);
            if (!secret.isEmpty()) {
                throw new IllegalArgumentException("holds private key material in key " + label(jwk, i)
                        + " (" + String.join(", ", secret) + "); publish only the public members "
                        + "(kty, kid, use, alg and n, e or crv, x, y), and replace this key: it is no longer private");
            }
        }
        List<VerificationKey> keys;
        try {
            keys = JwksParser.keysOf(json);
        } catch (IOException e) {
            keys = List.of();
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("has no usable key: each of its " + jwks.size() + " was skipped (the "
                    + "jwks_key_skipped log lines say why); use RSA keys of 2048 bits or more, or EC keys on P-256, "
                    + "P-384 or P-521 (an oct key never belongs in a key set)");
        }
        return new LocalKeySet(keys);
    }

    /**
     * Which of these keys the secret contains (an RSA modulus or an EC coordinate, as base64url,
     * base64, hex, decimal or bytes), or null: a public key, published, is no secret.
     */
    String keyWithin(String secretText, byte[] secretBytes) {
        return PublishedNumbers.within(keys, secretText, secretBytes);
    }

    /** "\"kid\"" when the kid is short and printable, else the key's place in the set. */
    private static String label(Map<String, Object> jwk, int index) {
        String kid = Json.text(jwk, "kid");
        if (kid != null && isShortAndPrintable(kid)) {
            return "\"" + kid + "\"";
        }
        return index < 0 ? "with an unprintable kid" : "number " + (index + 1);
    }

    /** 1-64 printable ASCII characters, no space (a loop: no regular expression on the start path). */
    private static boolean isShortAndPrintable(String kid) {
        if (kid.isEmpty() || kid.length() > 64) {
            return false;
        }
        for (int i = 0; i < kid.length(); i++) {
            if (kid.charAt(i) < 0x21 || kid.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
