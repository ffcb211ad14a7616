package dev.jwtauthorizer.keys;

import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Whether an HMAC secret contains a public key's numbers (an RSA modulus, an EC point or coordinate):
 * a published key in the shared secret lets whoever reads the key set sign HS tokens. Each number is
 * looked for as raw bytes, big- or little-endian, with or without a leading zero byte, and in the
 * secret's text as base64url or base64 (wrapped or not, URL-encoded or not), as hex whatever
 * separates its bytes (colons as {@code openssl -text} prints them, spaces, dashes, {@code 0x}
 * lists) and as decimal whatever groups its digits. A random secret never holds a run of hundreds
 * of one key's digits, so none of these forms refuses a genuine secret.
 */
public final class PublishedNumbers {
    private PublishedNumbers() {
    }

    /** Which of these keys the secret contains, said without the secret, or null. */
    public static String within(List<VerificationKey> keys, String secretText, byte[] secretBytes) {
        SecretForms forms = new SecretForms(secretText);
        for (VerificationKey key : keys) {
            for (byte[] bytes : numbers(key)) {
                if (forms.contains(bytes) || indexOf(secretBytes, bytes) >= 0) {
                    return (key.publicKey() instanceof RSAPublicKey ? "the RSA modulus" : "an EC coordinate")
                            + " of key " + (key.kid() == null ? "without kid" : "\"" + printable(key.kid()) + "\"");
                }
            }
        }
        return null;
    }

    /** {@link #within(List, String, byte[])} for a secret as loaded: its bytes, and their text. */
    public static String within(List<VerificationKey> keys, HmacSecret secret) {
        byte[] bytes = secret.bytes();
        return within(keys, new String(bytes, StandardCharsets.UTF_8), bytes);
    }

    /**
     * The modulus, or each coordinate (shortest and at the curve's length, as in a JWK) and the point's
     * x and y together; each also with a leading zero byte (Java's {@code BigInteger.toByteArray}) and
     * reversed (little-endian).
     */
    private static List<byte[]> numbers(VerificationKey key) {
        List<byte[]> numbers = new ArrayList<>();
        if (key.publicKey() instanceof RSAPublicKey rsa) {
            numbers.add(JwkExport.octets(rsa.getModulus(), 0));
        } else if (key.publicKey() instanceof ECPublicKey ec) {
            int length = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            byte[] x = JwkExport.octets(ec.getW().getAffineX(), length);
            byte[] y = JwkExport.octets(ec.getW().getAffineY(), length);
            for (BigInteger coordinate : List.of(ec.getW().getAffineX(), ec.getW().getAffineY())) {
                numbers.add(JwkExport.octets(coordinate, 0));
            }
            numbers.add(x);
            numbers.add(y);
            byte[] point = Arrays.copyOf(x, 2 * length);
            System.arraycopy(y, 0, point, length, length);
            numbers.add(point);
        }
        List<byte[]> spellings = new ArrayList<>();
        for (byte[] number : numbers) {
            spellings.add(number);
            byte[] withZero = new byte[number.length + 1];
            System.arraycopy(number, 0, withZero, 1, number.length);
            spellings.add(withZero);
            byte[] reversed = new byte[number.length];
            for (int i = 0; i < number.length; i++) {
                reversed[i] = number[number.length - 1 - i];
            }
            spellings.add(reversed);
        }
        return spellings;
    }

    /** The secret's text in the forms its numbers are compared in. */
    private static final class SecretForms {
        private final String unwrapped;
        private final String urlDecoded;
        private final String hexDigits;
        private final String decimalDigits;

        SecretForms(String text) {
            unwrapped = withoutWhitespace(text);
            urlDecoded = unwrapped.indexOf('%') < 0 ? unwrapped : urlDecode(unwrapped);
            String lowerCase = text.toLowerCase(Locale.ROOT).replace("0x", "");
            hexDigits = digits(lowerCase, true);
            decimalDigits = digits(text, false);
        }

        boolean contains(byte[] bytes) {
            String base64Url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String base64 = Base64.getEncoder().withoutPadding().encodeToString(bytes);
            return unwrapped.contains(base64Url) || unwrapped.contains(base64)
                    || urlDecoded.contains(base64Url) || urlDecoded.contains(base64)
                    || hexDigits.contains(HexFormat.of().formatHex(bytes))
                    || decimalDigits.contains(new BigInteger(1, bytes).toString());
        }

        /** Without whitespace (wrapped lines). */
        private static String withoutWhitespace(String text) {
            StringBuilder compact = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    compact.append(text.charAt(i));
                }
            }
            return compact.toString();
        }

        /** Only the digits (0-9, and a-f too for hex): whatever separated or grouped them is gone. */
        private static String digits(String text, boolean hex) {
            StringBuilder digits = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
                    digits.append(c);
                }
            }
            return digits.toString();
        }

        private static String urlDecode(String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
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
