package dev.jwtauthorizer.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Whether an HMAC secret contains a public key's numbers (an RSA modulus, an EC coordinate): a
 * published key in the shared secret lets whoever reads the key set sign HS tokens. The numbers are
 * looked for as base64url, base64, hex (any case, with or without colons, as {@code openssl -text}
 * prints them), decimal, wrapped or not, and as raw bytes.
 */
public final class PublishedNumbers {
    private PublishedNumbers() {
    }

    /** Which of these keys the secret contains, said without the secret, or null. */
    public static String within(List<VerificationKey> keys, String secretText, byte[] secretBytes) {
        String unwrapped = withoutSeparators(secretText);
        String lowerCase = unwrapped.toLowerCase(Locale.ROOT);
        for (VerificationKey key : keys) {
            for (byte[] bytes : numbers(key)) {
                if (contains(unwrapped, lowerCase, bytes) || indexOf(secretBytes, bytes) >= 0) {
                    return (key.publicKey() instanceof RSAPublicKey ? "the RSA modulus" : "an EC coordinate")
                            + " of key " + (key.kid() == null ? "without kid" : "\"" + printable(key.kid()) + "\"");
                }
            }
        }
        return null;
    }

    /** {@link #within(List, String, byte[])} for a secret as loaded: its bytes, and their text. */
    static String within(List<VerificationKey> keys, HmacSecret secret) {
        byte[] bytes = secret.bytes();
        return within(keys, new String(bytes, StandardCharsets.UTF_8), bytes);
    }

    /** The modulus, or each coordinate both as the shortest bytes and at the curve's length (as in a JWK). */
    private static List<byte[]> numbers(VerificationKey key) {
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

    private static boolean contains(String unwrapped, String lowerCase, byte[] bytes) {
        return unwrapped.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                || unwrapped.contains(Base64.getEncoder().withoutPadding().encodeToString(bytes))
                || lowerCase.contains(HexFormat.of().formatHex(bytes))
                || unwrapped.contains(new BigInteger(1, bytes).toString());
    }

    /** Without whitespace (wrapped lines) and colons (hex bytes as openssl and keytool print them). */
    private static String withoutSeparators(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != ':') {
                compact.append(c);
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

    private static String printable(String kid) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < kid.length() && i < 64; i++) {
            char c = kid.charAt(i);
            out.append(c > ' ' && c < 0x7f && c != '"' ? c : '?');
        }
        return out.toString();
    }
}
