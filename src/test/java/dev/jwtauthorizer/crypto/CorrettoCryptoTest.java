package dev.jwtauthorizer.crypto;

import static dev.jwtauthorizer.support.Tokens.METHOD_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast provider, once installed, performs the checks and decides exactly as the JDK's does. */
class CorrettoCryptoTest {
    private static Authorizer authorizer;

    @BeforeAll
    static void install() {
        CorrettoCrypto.install();
        Map<String, String> env = TestEnv.withJwks(TestKeys.jwks(
                TestKeys.jwk(TestKeys.RSA, "rsa"),
                TestKeys.jwk(TestKeys.EC256, "p256"),
                TestKeys.jwk(TestKeys.EC384, "p384"),
                TestKeys.jwk(TestKeys.EC521, "p521")));
        env.put("JWT_ALGORITHMS", "RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512,HS256");
        env.put("JWT_HMAC_SECRET", TestKeys.HMAC_SECRET);
        authorizer = Authorizer.fromEnvironment(env);
    }

    @AfterAll
    static void uninstall() {
        // Other tests in this JVM run on the JDK's provider, as they were written for.
        Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    }

    @ParameterizedTest
    @CsvSource({"RS256,rsa,SHA256withRSA", "RS384,rsa,SHA384withRSA", "RS512,rsa,SHA512withRSA",
            "PS256,rsa,RSASSA-PSS", "PS384,rsa,RSASSA-PSS", "PS512,rsa,RSASSA-PSS",
            "ES256,p256,SHA256withECDSA", "ES384,p384,SHA384withECDSA", "ES512,p521,SHA512withECDSA"})
    void asymmetricChecksRunOnItAndDecideAsBefore(String alg, String kid, String jcaName) throws Exception {
        assertTrue(CorrettoCrypto.isActive(), "installed and healthy on this platform");
        assertEquals(AmazonCorrettoCryptoProvider.PROVIDER_NAME, Signature.getInstance(jcaName).getProvider().getName());
        KeyPair pair = switch (kid) {
            case "p256" -> TestKeys.EC256;
            case "p384" -> TestKeys.EC384;
            case "p521" -> TestKeys.EC521;
            default -> TestKeys.RSA;
        };
        KeyPair other = kid.equals("rsa") ? TestKeys.RSA_2 : TestKeys.ec(switch (kid) {
            case "p256" -> "secp256r1";
            case "p384" -> "secp384r1";
            default -> "secp521r1";
        });
        String genuine = Tokens.claims().withKeyId(kid).sign(Tokens.algorithm(alg, pair));
        assertEquals(Reason.ROUTE_ALLOWED, decide(genuine));
        assertEquals(Reason.BAD_SIGNATURE, decide(Tokens.claims().withKeyId(kid).sign(Tokens.algorithm(alg, other))));
        assertEquals(Reason.BAD_SIGNATURE, decide(withSignature(genuine, tampered(genuine))));
        if (alg.startsWith("ES")) {
            // r = s = 0 (CVE-2022-21449, "psychic signatures").
            int half = switch (alg) {
                case "ES256" -> 32;
                case "ES384" -> 48;
                default -> 66;
            };
            assertEquals(Reason.BAD_SIGNATURE, decide(withSignature(genuine, Tokens.b64(new byte[2 * half]))));
        }
    }

    @ParameterizedTest
    @CsvSource({"HS256,HmacSHA256"})
    void hmacChecksRunOnItAndDecideAsBefore(String alg, String jcaName) throws Exception {
        assertEquals(AmazonCorrettoCryptoProvider.PROVIDER_NAME, Mac.getInstance(jcaName).getProvider().getName());
        byte[] secret = TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
        String genuine = Tokens.claims().sign(Algorithm.HMAC256(secret));
        assertEquals(Reason.ROUTE_ALLOWED, decide(genuine));
        assertEquals(Reason.BAD_SIGNATURE, decide(withSignature(genuine, tampered(genuine))));
        byte[] otherSecret = Arrays.copyOf(secret, secret.length);
        otherSecret[0] ^= 1;
        assertEquals(Reason.BAD_SIGNATURE, decide(Tokens.claims().sign(Algorithm.HMAC256(otherSecret))));
    }

    private static Reason decide(String token) {
        return authorizer.authorize("Bearer " + token, METHOD_ARN).reason();
    }

    private static String withSignature(String token, String signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    /** The same signature with one bit of its first byte flipped. */
    private static String tampered(String token) {
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        signature[0] ^= 1;
        return Tokens.b64(signature);
    }
}
