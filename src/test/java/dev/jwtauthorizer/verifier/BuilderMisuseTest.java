package dev.jwtauthorizer.verifier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A builder given something that cannot work says so, naming the builder method, what is wrong and
 * what to do, before any token is verified: the same checks the function's settings get.
 */
class BuilderMisuseTest {
    private static JwtVerifier.Builder valid() {
        return JwtVerifier.builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).jwks(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "k1")));
    }

    /** The message, which must hold every one of the expected parts. */
    private static String refused(Executable build, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, build).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "\"" + part + "\" not in: " + message);
        }
        return message;
    }

    @Test
    void issuerAndAudienceAreRequired() {
        refused(() -> JwtVerifier.builder().audience("a").build(), "issuer(...) is required", "JwtVerifier.cognito");
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).build(), "audience(...) is required");
    }

    @Test
    void valuesThatCanNeverBeRightAreRefusedAtTheCall() {
        refused(() -> JwtVerifier.builder().issuer(), "issuer(...) needs at least one value");
        refused(() -> JwtVerifier.builder().issuer((String) null), "issuer(...) was given null");
        refused(() -> JwtVerifier.builder().audience(" "), "audience(...) was given a blank value");
        refused(() -> JwtVerifier.builder().audience("a,b"), "holds a comma", "audience(\"a\", \"b\")");
        refused(() -> JwtVerifier.builder().jwksUri(null), "jwksUri(...) was given null");
        refused(() -> JwtVerifier.builder().hmacSecret(null), "hmacSecret(...) was given null");
    }

    @Test
    void algorithmsAreCheckedAgainstTheKnownOnes() {
        refused(() -> valid().algorithms("none").build(), "algorithms(...)", "never allowed");
        refused(() -> valid().algorithms("rs256").build(), "algorithms(...)", "unknown algorithm \"rs256\"", "RS256");
    }

    @Test
    void keyUrlsMustBeHttpsOrLoopback() {
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").jwksUri("http://keys.example/jwks.json").build(),
                "jwksUri(...)", "plain http:// is only allowed for loopback", "use https://");
        refused(() -> JwtVerifier.builder().issuer("http://login.example").audience("a").build(),
                "issuer(...)", "OIDC discovery", "use https://");
        refused(() -> valid().jwksUri("https://keys.example/jwks.json").build(), "jwks(...) and jwksUri(...) are both set; use one");
    }

    @Test
    void anInlineKeySetIsCheckedWhenBuilt() {
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").jwks("{\"keys\":[]}").build(),
                "jwks(...)", "empty key set");
        Map<String, Object> withPrivate = new java.util.LinkedHashMap<>(TestKeys.jwk(TestKeys.RSA, "k1"));
        withPrivate.put("d", "AQAB");
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").jwks(TestKeys.jwks(withPrivate)).build(),
                "jwks(...)", "private key material", "\"k1\"");
        refused(() -> valid().algorithms("HS256").hmacSecret(secret(32)).build(), "jwks(...) is set but algorithms(...) allows no RS, PS or ES");
    }

    @Test
    void hmacSecretsFollowTheFunctionsRules() {
        JwtVerifier.Builder hs = JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a");
        refused(() -> hs.algorithms("HS256").build(), "hmacSecret(...) is required when algorithms(...) allows HS256");
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").algorithms("HS384").hmacSecret(secret(40)).build(),
                "hmacSecret(...)", "is 40 bytes; HS384 needs at least 48");
        refused(() -> valid().hmacSecret(secret(32)).build(), "hmacSecret(...) is set but algorithms(...) allows no HS algorithm");
        KeyPair rsa = TestKeys.RSA;
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(rsa.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").algorithms("HS256")
                .hmacSecret(pem.getBytes(StandardCharsets.UTF_8)).build(), "hmacSecret(...)", "lets anyone", "random secret");
    }

    @Test
    void leewayIsBetweenZeroAndFiveMinutes() {
        refused(() -> JwtVerifier.builder().leeway(Duration.ofSeconds(-1)), "leeway(...)", "between 0 and 5 minutes");
        refused(() -> JwtVerifier.builder().leeway(Duration.ofMinutes(6)), "leeway(...)", "between 0 and 5 minutes");
        refused(() -> JwtVerifier.cognito("eu-west-1_Pool").leeway(null), "leeway(...)");
    }

    @Test
    void aSecretNeverAppearsInAMessage() {
        byte[] shortSecret = "sixteen-byte-key".getBytes(StandardCharsets.UTF_8);
        String message = refused(() -> JwtVerifier.builder().issuer(Tokens.ISSUER).audience("a").algorithms("HS256")
                .hmacSecret(shortSecret).build(), "is 16 bytes");
        for (String form : List.of("sixteen-byte-key", Base64.getEncoder().encodeToString(shortSecret))) {
            assertTrue(!message.contains(form), message);
        }
    }

    private static byte[] secret(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 37 + 11);
        }
        return bytes;
    }
}
