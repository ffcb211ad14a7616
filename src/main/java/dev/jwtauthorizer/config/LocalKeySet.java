package dev.jwtauthorizer.config;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwkExport;
import dev.jwtauthorizer.keys.JwksParser;
import dev.jwtauthorizer.keys.VerificationKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
     * base64 or bytes), or null: a public key, published, is no secret.
     */
    String keyWithin(String secretText, byte[] secretBytes) {
        String unwrapped = withoutWhitespace(secretText);
        String lowerCase = unwrapped.toLowerCase(Locale.ROOT);
        for (VerificationKey key : keys) {
            for (byte[] bytes : publicNumbers(key)) {
                if (contains(unwrapped, lowerCase, bytes) || indexOf(secretBytes, bytes) >= 0) {
                    return (key.publicKey() instanceof RSAPublicKey ? "the RSA modulus" : "an EC coordinate")
                            + " of key " + (key.kid() == null ? "without kid" : label(Map.of("kid", key.kid()), -1));
                }
            }
        }
        return null;
    }

    /** The modulus, or each coordinate both as the shortest bytes and at the curve's length (as in a JWK). */
    private static List<byte[]> publicNumbers(VerificationKey key) {
        List<byte[]> numbers = new ArrayList<>();
        if (key.publicKey() instanceof RSAPublicKey rsa) {
            numbers.add(JwkExport.octets(rsa.getModulus(), 0));
        } else if (key.publicKey() instanceof ECPublicKey ec) {
            int length = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            for (BigInteger coordinate : List.of(ec.getW().getAffineX(), ec.getW().getAffineY())) {
                numbers.add(JwkExport.octets(coordinate, 0));
                numbers.add(JwkExport.octets(coordinate, length));
            }
        }
        return numbers;
    }

    /**
     * As base64url or base64 (in the text without its whitespace, as in wrapped lines), as hex in
     * either case, or as a decimal number.
     */
    private static boolean contains(String unwrapped, String lowerCase, byte[] bytes) {
        return unwrapped.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                || unwrapped.contains(Base64.getEncoder().withoutPadding().encodeToString(bytes))
                || lowerCase.contains(HexFormat.of().formatHex(bytes))
                || unwrapped.contains(new BigInteger(1, bytes).toString());
    }

    private static String withoutWhitespace(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                compact.append(text.charAt(i));
            }
        }
        return compact.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
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
