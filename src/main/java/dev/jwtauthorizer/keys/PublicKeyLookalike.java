package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises a public key or certificate given where a shared secret belongs. Keys and
 * certificates are published: used as an HMAC secret, one lets anyone who fetched it sign tokens
 * that verify (the RS256/HS256 confusion). The shapes: PEM text, a JWK or JWKS, the base64,
 * base64url or hex of DER, the base64 of PEM text or a JWK, and DER itself. Says what the
 * material looks like, never what it is.
 *
 * <p>DER is recognised by its structure (SubjectPublicKeyInfo, PKCS#1 RSAPublicKey, an X.509
 * certificate), which random bytes practically never have, so no real secret is refused.
 */
final class PublicKeyLookalike {
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OID = 0x06;

    private PublicKeyLookalike() {
    }

    /** What the text looks like ("a PEM public key", ...), or null when it is none of these shapes. */
    static String describeText(String text) {
        return describeText(text, 0);
    }

    private static String describeText(String text, int depth) {
        String trimmed = text.strip();
        int pem = trimmed.indexOf("-----BEGIN ");
        if (pem >= 0) {
            String label = trimmed.substring(pem);
            if (label.startsWith("-----BEGIN CERTIFICATE") || label.startsWith("-----BEGIN TRUSTED CERTIFICATE")) {
                return "a PEM certificate";
            }
            return label.contains("PRIVATE KEY") ? "a PEM private key" : "a PEM public key";
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            String jwk = jwkShape(trimmed);
            if (jwk != null) {
                return jwk;
            }
        }
        String compact = WHITESPACE.matcher(trimmed).replaceAll("");
        if (compact.length() >= 32) {
            byte[] hex = HEX.matcher(compact).matches() && compact.length() % 2 == 0 ? HexFormat.of().parseHex(compact) : null;
            String hexDer = hex == null ? null : describeDer(hex);
            if (hexDer != null) {
                return "the hex of " + hexDer;
            }
            byte[] decoded = decode(compact);
            String der = decoded == null ? null : describeDer(decoded);
            if (der != null) {
                return "the base64 of " + der;
            }
            // One more layer: the base64 of a PEM file or a JWK, as a secret store's "binary" field holds it.
            String inner = decoded == null || depth > 0 ? null : describeText(new String(decoded, StandardCharsets.UTF_8), depth + 1);
            if (inner != null) {
                return "the base64 of " + inner;
            }
        }
        return null;
    }

    /** What binary material looks like (DER, or any of the text shapes), or null. */
    static String describeBytes(byte[] bytes) {
        String der = describeDer(bytes);
        if (der != null) {
            return der;
        }
        return describeText(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String jwkShape(String text) {
        Object json;
        try {
            json = Json.read(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Map<String, Object> object = Json.asObject(json);
        if (object != null && object.containsKey("kty")) {
            return "a JWK (a key in JSON)";
        }
        if (object != null && object.get("keys") instanceof List<?>) {
            return "a JWKS (a key set in JSON)";
        }
        if (json instanceof List<?> list && !list.isEmpty() && Json.asObject(list.get(0)) != null
                && Json.asObject(list.get(0)).containsKey("kty")) {
            return "a list of JWKs (keys in JSON)";
        }
        return null;
    }

    private static byte[] decode(String compact) {
        try {
            if (BASE64.matcher(compact).matches()) {
                return Base64.getDecoder().decode(compact);
            }
            if (BASE64URL.matcher(compact).matches()) {
                return Base64.getUrlDecoder().decode(compact);
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /**
     * SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID, ... }, BIT STRING }; PKCS#1 RSAPublicKey:
     * SEQUENCE { INTEGER, INTEGER }; certificate: SEQUENCE { SEQUENCE, SEQUENCE { OID, ... }, BIT STRING }.
     */
    private static String describeDer(byte[] der) {
        int[] outer = element(der, 0, der.length);
        if (outer == null || outer[0] != SEQUENCE || outer[2] != der.length) {
            return null;
        }
        int[][] children = children(der, outer[1], outer[2], 4);
        if (children == null) {
            return null;
        }
        if (children.length == 2 && children[0][0] == SEQUENCE && startsWithOid(der, children[0])
                && children[1][0] == BIT_STRING) {
            return "a DER public key (SubjectPublicKeyInfo)";
        }
        if (children.length == 2 && children[0][0] == INTEGER && children[1][0] == INTEGER) {
            return "a DER RSA public key (PKCS#1)";
        }
        if (children.length == 3 && children[0][0] == SEQUENCE && children[1][0] == SEQUENCE
                && startsWithOid(der, children[1]) && children[2][0] == BIT_STRING) {
            return "a DER certificate";
        }
        return null;
    }

    private static boolean startsWithOid(byte[] der, int[] sequence) {
        int[] first = element(der, sequence[1], sequence[2]);
        return first != null && first[0] == OID;
    }

    /** The elements that exactly fill [start, end), at most max of them; null when they do not. */
    private static int[][] children(byte[] der, int start, int end, int max) {
        int[][] found = new int[max][];
        int count = 0;
        int position = start;
        while (position < end) {
            int[] child = element(der, position, end);
            if (child == null || count == max) {
                return null;
            }
            found[count++] = child;
            position = child[2];
        }
        int[][] exact = new int[count][];
        System.arraycopy(found, 0, exact, 0, count);
        return exact;
    }

    /** One DER element at position: {tag, content start, content end}, or null when malformed. */
    private static int[] element(byte[] der, int position, int end) {
        if (end - position < 2) {
            return null;
        }
        int tag = der[position] & 0xff;
        int first = der[position + 1] & 0xff;
        int contentStart = position + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 3 || end - contentStart < octets) {
                return null;
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (der[contentStart + i] & 0xff);
            }
            contentStart += octets;
        }
        if (length > end - contentStart) {
            return null;
        }
        return new int[] {tag, contentStart, contentStart + (int) length};
    }
}
