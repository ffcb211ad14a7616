package dev.jwtauthorizer.keys;

import java.math.BigInteger;
import java.security.spec.ECPoint;
import java.util.Optional;

/**
 * The curves a JWK "crv" may name, with what a public point on each must satisfy. The point is
 * checked here, not left to the crypto provider: providers differ in what they check at import (the
 * JDK's accepts a point off the curve and fails later, another throws an unchecked exception), and a
 * key must be judged the same way whichever is installed. The numbers are those of SEC 2 / FIPS
 * 186-4; all three curves have a = p - 3 and cofactor 1, so a point on the curve is in the group.
 */
enum EcCurve {
    P_256("P-256", "secp256r1", 32,
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
    P_384("P-384", "secp384r1", 48,
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
            "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef"),
    P_521("P-521", "secp521r1", 66,
            "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00");

    private final String jwkName;
    private final String jcaName;
    private final int coordinateBytes;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;

    EcCurve(String jwkName, String jcaName, int coordinateBytes, String p, String b) {
        this.jwkName = jwkName;
        this.jcaName = jcaName;
        this.coordinateBytes = coordinateBytes;
        this.p = new BigInteger(p, 16);
        this.a = this.p.subtract(BigInteger.valueOf(3));
        this.b = new BigInteger(b, 16);
    }

    /** By the JWK "crv" value, exactly as RFC 7518 spells it. */
    static Optional<EcCurve> byJwkName(String crv) {
        for (EcCurve curve : values()) {
            if (curve.jwkName.equals(crv)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    String jwkName() {
        return jwkName;
    }

    /** The name the JDK's {@code ECGenParameterSpec} knows the curve by. */
    String jcaName() {
        return jcaName;
    }

    BigInteger p() {
        return p;
    }

    BigInteger a() {
        return a;
    }

    BigInteger b() {
        return b;
    }

    /**
     * The public point with these coordinates, each the big-endian octet string of a JWK "x" or "y".
     *
     * @throws IllegalArgumentException naming what is wrong: a coordinate longer than the curve's,
     *                                  not below p, or the point not on the curve (as a point of
     *                                  another curve given this name is not)
     */
    ECPoint publicPoint(byte[] x, byte[] y) {
        BigInteger affineX = coordinate("x", x);
        BigInteger affineY = coordinate("y", y);
        BigInteger left = affineY.multiply(affineY).mod(p);
        BigInteger right = affineX.pow(3).add(a.multiply(affineX)).add(b).mod(p);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("the point is not on curve " + jwkName);
        }
        return new ECPoint(affineX, affineY);
    }

    private BigInteger coordinate(String name, byte[] octets) {
        // RFC 7518 section 6.2.1.2 asks for the full length, but some issuers drop leading zero bytes
        // (one key in 128): a shorter coordinate is the same number, and range and curve are checked below.
        if (octets.length > coordinateBytes) {
            throw new IllegalArgumentException("\"" + name + "\" is " + octets.length + " bytes; "
                    + "a " + jwkName + " coordinate has at most " + coordinateBytes);
        }
        BigInteger value = new BigInteger(1, octets);
        if (value.compareTo(p) >= 0) {
            throw new IllegalArgumentException("\"" + name + "\" is not below the field size of " + jwkName);
        }
        return value;
    }
}
