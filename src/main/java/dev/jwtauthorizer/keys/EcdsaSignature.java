package dev.jwtauthorizer.keys;

import java.math.BigInteger;

/**
 * A JOSE ECDSA signature (RFC 7518 section 3.4: R || S, each exactly as long as the curve's order)
 * checked for shape and turned into the DER sequence the Java Cryptography Architecture takes.
 *
 * <p>R and S must each lie in [1, n-1]. A verifier that skips that range check accepts R = S = 0
 * for any message (CVE-2022-21449, "psychic signatures", in the JDK's ECDSA of 15 to 18.0.0); the
 * check is made here so that no provider's behaviour is relied on. Anything else than exactly two
 * numbers of the curve's size (a DER signature, a truncated one) is refused, not repaired.
 */
final class EcdsaSignature {
    private EcdsaSignature() {
    }

    /**
     * @param numberSize the length of R and of S for the token's algorithm
     * @param order      the order n of the key's curve
     * @return the DER form, or null when the signature is not a well-formed JOSE ECDSA signature
     */
    static byte[] toDer(byte[] jose, int numberSize, BigInteger order) {
        if (jose.length != 2 * numberSize
                || !inRange(new BigInteger(1, jose, 0, numberSize), order)
                || !inRange(new BigInteger(1, jose, numberSize, numberSize), order)) {
            return null;
        }
        int rStart = firstNonZero(jose, 0);
        int sStart = firstNonZero(jose, numberSize);
        int rLength = integerLength(jose, rStart, numberSize);
        int sLength = integerLength(jose, sStart, 2 * numberSize);
        int contentLength = rLength + sLength;
        // P-521's sequence (up to 138 bytes) needs the long form of the DER length.
        int header = contentLength < 0x80 ? 2 : 3;
        byte[] der = new byte[header + contentLength];
        der[0] = 0x30;
        if (header == 2) {
            der[1] = (byte) contentLength;
        } else {
            der[1] = (byte) 0x81;
            der[2] = (byte) contentLength;
        }
        int at = writeInteger(der, header, jose, rStart, numberSize);
        writeInteger(der, at, jose, sStart, 2 * numberSize);
        return der;
    }

    private static boolean inRange(BigInteger value, BigInteger order) {
        return value.signum() > 0 && value.compareTo(order) < 0;
    }

    /** The first byte of the number that is not a leading zero; the number is not zero. */
    private static int firstNonZero(byte[] jose, int start) {
        int i = start;
        while (jose[i] == 0) {
            i++;
        }
        return i;
    }

    /** Tag, length and the unsigned value, with a zero byte in front when its top bit is set. */
    private static int integerLength(byte[] jose, int start, int end) {
        return 2 + (end - start) + ((jose[start] & 0x80) != 0 ? 1 : 0);
    }

    private static int writeInteger(byte[] der, int at, byte[] jose, int start, int end) {
        boolean pad = (jose[start] & 0x80) != 0;
        int valueLength = end - start + (pad ? 1 : 0);
        der[at++] = 0x02;
        der[at++] = (byte) valueLength;
        if (pad) {
            der[at++] = 0;
        }
        System.arraycopy(jose, start, der, at, end - start);
        return at + end - start;
    }
}
