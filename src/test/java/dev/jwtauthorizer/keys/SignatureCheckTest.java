package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.jwtauthorizer.support.Bytes;
import dev.jwtauthorizer.support.TestKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The signature check that replaced java-jwt's algorithms keeps their properties: RFC 7518's PSS
 * parameters, JOSE-form ECDSA signatures with R and S in range, HMAC under the current secret, a
 * key of one family for its algorithms only; and reusing a thread's engines changes no answer.
 */
class SignatureCheckTest {
    private static final byte[] INPUT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void psUsesRfc7518ParametersAndRefusesOthers() throws Exception {
        VerificationKey key = rsaKey();
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.PS256, key, INPUT, 0, INPUT.length, pss(32)));
        // Salt 0, or PS256 parameters on a PS384 token: a valid PSS signature, not the one JWS names.
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.PS256, key, INPUT, 0, INPUT.length, pss(0)));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.PS384, key, INPUT, 0, INPUT.length, pss(32)));
        // An RS256 signature is not a PS256 one, nor the other way round.
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.PS256, key, INPUT, 0, INPUT.length, rs256()));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, pss(32)));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, rs256()));
    }

    @Test
    void aRefusedSignatureLeavesTheThreadsEngineAnsweringCorrectly() throws Exception {
        VerificationKey key = rsaKey();
        byte[] good = rs256();
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, Arrays.copyOf(good, 17)));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, good));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length - 1, good));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, INPUT, 0, INPUT.length, good));
    }

    @Test
    void onlyTheSignedRangeOfTheValueIsChecked() throws Exception {
        VerificationKey key = rsaKey();
        byte[] good = rs256();
        // The token's bytes after a scheme, as BearerToken leaves them: the range, not the array, was signed.
        byte[] value = new byte[7 + INPUT.length + 5];
        System.arraycopy("Bearer ".getBytes(StandardCharsets.US_ASCII), 0, value, 0, 7);
        System.arraycopy(INPUT, 0, value, 7, INPUT.length);
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.RS256, key, value, 7, INPUT.length, good));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, key, value, 6, INPUT.length, good));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, key, value, 0, value.length, good));
    }

    @Test
    void aKeyOfTheOtherFamilyVerifiesNothing() throws Exception {
        VerificationKey ec = new VerificationKey("ec", KeyFamily.EC, "P-256", null, null, null, TestKeys.EC256.getPublic());
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.RS256, ec, INPUT, 0, INPUT.length, rs256()));
        VerificationKey rsa = rsaKey();
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.ES256, rsa, INPUT, 0, INPUT.length, new byte[64]));
    }

    @Test
    void ecdsaTakesJoseFormWithRAndSInRangeOnly() throws Exception {
        for (String[] curve : new String[][] {{"ES256", "SHA256withECDSA"}, {"ES384", "SHA384withECDSA"}, {"ES512", "SHA512withECDSA"}}) {
            JwsAlgorithm algorithm = JwsAlgorithm.valueOf(curve[0]);
            KeyPair pair = switch (algorithm) {
                case ES256 -> TestKeys.EC256;
                case ES384 -> TestKeys.EC384;
                default -> TestKeys.EC521;
            };
            VerificationKey key = new VerificationKey("ec", KeyFamily.EC, algorithm.curve(), null, null, null, pair.getPublic());
            int n = algorithm.ecNumberSize();
            BigInteger order = ((ECPublicKey) pair.getPublic()).getParams().getOrder();
            // Enough signatures that some R or S has its top bit set or leading zero bytes.
            for (int i = 0; i < 24; i++) {
                Signature signer = Signature.getInstance(curve[1] + "inP1363Format");
                signer.initSign(pair.getPrivate());
                signer.update(INPUT);
                byte[] jose = signer.sign();
                assertTrue(SignatureCheck.verifies(algorithm, key, INPUT, 0, INPUT.length, jose), curve[0]);
                byte[] der = EcdsaSignature.toDer(jose, n, order);
                Signature verifier = Signature.getInstance(curve[1], "SunEC");
                verifier.initVerify(pair.getPublic());
                verifier.update(INPUT);
                assertTrue(verifier.verify(der), "the DER form is the same signature");
                // The DER form, as some libraries send it, is not a JOSE signature.
                assertFalse(SignatureCheck.verifies(algorithm, key, INPUT, 0, INPUT.length, der), curve[0] + " DER");
            }
            // CVE-2022-21449: R = S = 0; and R or S equal to the order, which is 0 modulo it.
            assertNull(EcdsaSignature.toDer(new byte[2 * n], n, order));
            assertFalse(SignatureCheck.verifies(algorithm, key, INPUT, 0, INPUT.length, new byte[2 * n]));
            byte[] orderBytes = fixed(order, n);
            byte[] one = fixed(BigInteger.ONE, n);
            assertNull(EcdsaSignature.toDer(Bytes.concat(orderBytes, one), n, order));
            assertNull(EcdsaSignature.toDer(Bytes.concat(one, orderBytes), n, order));
            assertNull(EcdsaSignature.toDer(Bytes.concat(one, new byte[n]), n, order));
            byte[] largest = fixed(order.subtract(BigInteger.ONE), n);
            assertArrayEquals(new BigInteger(1, largest).toByteArray(), integerOf(EcdsaSignature.toDer(Bytes.concat(largest, one), n, order)));
            assertNull(EcdsaSignature.toDer(new byte[2 * n - 1], n, order));
            assertNull(EcdsaSignature.toDer(new byte[2 * n + 1], n, order));
        }
    }

    @Test
    void hmacFollowsTheSecretItIsGiven() throws Exception {
        byte[] bytesA = TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
        byte[] bytesB = bytesA.clone();
        bytesB[0] ^= 1;
        HmacSecret a = new HmacSecret(bytesA);
        HmacSecret b = new HmacSecret(bytesB);
        byte[] signedByA = hmac("HmacSHA256", bytesA);
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.HS256, a, INPUT, 0, INPUT.length, signedByA));
        // A rotated secret: the thread's Mac must not keep the old one.
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.HS256, b, INPUT, 0, INPUT.length, signedByA));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.HS256, b, INPUT, 0, INPUT.length, hmac("HmacSHA256", bytesB)));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.HS256, a, INPUT, 0, INPUT.length, signedByA));
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.HS384, a, INPUT, 0, INPUT.length, signedByA));
        assertTrue(SignatureCheck.verifies(JwsAlgorithm.HS384, a, INPUT, 0, INPUT.length, hmac("HmacSHA384", bytesA)));
        byte[] truncated = Arrays.copyOf(signedByA, 16);
        assertFalse(SignatureCheck.verifies(JwsAlgorithm.HS256, a, INPUT, 0, INPUT.length, truncated));
    }

    @Test
    void aKeyIsImportedOncePerProvider() throws Exception {
        VerificationKey key = rsaKey();
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        PublicKey forAccp = key.keyFor(accp);
        assertTrue(forAccp.getClass().getName().startsWith("com.amazon.corretto"), forAccp.getClass().getName());
        assertArrayEquals(key.publicKey().getEncoded(), forAccp.getEncoded());
        assertSame(forAccp, key.keyFor(accp));
        PublicKey forJdk = key.keyFor(Signature.getInstance("SHA256withRSA", "SunRsaSign").getProvider());
        assertNotSame(forAccp, forJdk);
        assertArrayEquals(key.publicKey().getEncoded(), forJdk.getEncoded());
    }

    private static VerificationKey rsaKey() {
        return new VerificationKey("rsa", KeyFamily.RSA, null, null, null, null, TestKeys.RSA.getPublic());
    }

    private static byte[] rs256() throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(TestKeys.RSA.getPrivate());
        signer.update(INPUT);
        return signer.sign();
    }

    private static byte[] pss(int saltLength) throws Exception {
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength, 1));
        signer.initSign(TestKeys.RSA.getPrivate());
        signer.update(INPUT);
        return signer.sign();
    }

    private static byte[] hmac(String name, byte[] secret) throws Exception {
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(secret, name));
        return mac.doFinal(INPUT);
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }

    /** The first INTEGER's content in a DER sequence (short or long length form). */
    private static byte[] integerOf(byte[] der) {
        int at = (der[1] & 0x80) != 0 ? 3 : 2;
        int length = der[at + 1];
        return Arrays.copyOfRange(der, at + 2, at + 2 + length);
    }
}
