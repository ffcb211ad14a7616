package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set known at start (JWT_JWKS, a file:) that would publish private keys or verify no token
 * stops the start, naming the key; and no start-up error quotes a file or variable that is not
 * what it should be.
 */
class LocalKeySetRefusalTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";

    private static ConfigException refused(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env));
    }

    private static ConfigException refusedInline(String jwks) {
        ConfigException e = refused(TestEnv.withJwks(jwks));
        assertEquals("JWT_JWKS", e.variable());
        return e;
    }

    @Test
    void privateKeyMembersStopTheStartNamingTheKey() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-private").generate();
        ConfigException e = refusedInline("{\"keys\":[" + rsa.toJSONString() + "]}");
        assertEquals("JWT_JWKS: holds private key material in key \"rsa-private\" (d, p, q, dp, dq, qi); publish only the "
                + "public members (kty, kid, use, alg and n, e or crv, x, y), and replace this key: it is no longer private",
                e.getMessage());
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-private").generate();
        String both = "{\"keys\":[" + rsa.toPublicJWK().toJSONString() + "," + ec.toJSONString() + "]}";
        ConfigException second = refusedInline(both);
        assertTrue(second.getMessage().startsWith("JWT_JWKS: holds private key material in key \"ec-private\" (d)"), second.getMessage());
        assertFalse(second.getMessage().contains(ec.getD().toString()));
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        ConfigException symmetric = refusedInline("{\"keys\":[" + oct.toJSONString() + "]}");
        assertTrue(symmetric.getMessage().startsWith("JWT_JWKS: holds private key material in key number 1 (k)"), symmetric.getMessage());
        assertFalse(symmetric.getMessage().contains(oct.getKeyValue().toString()));
    }

    @Test
    void privateKeyMembersInAKeySetFileStopTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("jwks.json");
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-private").generate();
        Files.writeString(file, "{\"keys\":[" + rsa.toJSONString() + "]}");
        ConfigException e = refused(TestEnv.withJwksUri(file.toUri().toString()));
        assertEquals("JWT_JWKS_URI", e.variable());
        assertTrue(e.getMessage().contains("holds private key material in key \"rsa-private\""), e.getMessage());
        assertFalse(e.getMessage().contains(rsa.getPrivateExponent().toString()));
    }

    @Test
    void anEmptyKeySetStopsTheStart() {
        ConfigException e = refusedInline("{\"keys\":[]}");
        assertEquals("JWT_JWKS: is an empty key set, which verifies no token; add the issuer's public keys", e.getMessage());
    }

    @Test
    void aKeySetWithNoUsableKeyStopsTheStart() {
        Map<String, Object> shortRsa = TestKeys.jwk(TestKeys.rsa(1024), "short");
        Map<String, Object> oddCurve = new LinkedHashMap<>(TestKeys.jwk(TestKeys.EC256, "odd-curve"));
        oddCurve.put("crv", "secp256k1");
        ConfigException e = refusedInline(TestKeys.jwks(shortRsa, oddCurve));
        assertTrue(e.getMessage().startsWith("JWT_JWKS: has no usable key: each of its 2 was skipped"), e.getMessage());
        assertTrue(e.getMessage().contains("use RSA keys of 2048 bits or more, or EC keys on P-256, P-384 or P-521"), e.getMessage());
        // One usable key is enough: the others are skipped with a log line.
        AuthorizerConfig.fromEnvironment(TestEnv.withJwks(TestKeys.jwks(shortRsa, TestKeys.jwk(TestKeys.RSA, "rsa-1"))));
    }

    @Test
    void aFileThatIsNotAKeySetIsNeverQuoted(@TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, PASSWD);
        ConfigException e = refused(TestEnv.withJwksUri(passwd.toUri().toString()));
        assertEquals("JWT_JWKS_URI", e.variable());
        assertEquals("JWT_JWKS_URI: " + passwd + " is not JSON (a word that is not a JSON value at line 1, column 1); "
                + "expected a key set like {\"keys\":[...]}", e.getMessage());
        assertNoWordOf(e.getMessage().replace(passwd.toString(), ""));
    }

    @Test
    void otherFilesAndVariablesThatAreNotJsonAreNeverQuoted(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("passwd"), PASSWD);
        Map<String, String> rulesFile = TestEnv.rsa();
        rulesFile.put("JWT_RULES_FILE", "passwd");
        rulesFile.put("LAMBDA_TASK_ROOT", dir.toString());
        ConfigException rules = refused(rulesFile);
        assertEquals("JWT_RULES_FILE: not valid JSON: a word that is not a JSON value at line 1, column 1", rules.getMessage());
        ConfigException issuers = refused(Map.of("JWT_ISSUERS_FILE", "passwd", "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals("JWT_ISSUERS_FILE: not valid JSON: a word that is not a JSON value at line 1, column 1", issuers.getMessage());
        ConfigException inline = refusedInline(PASSWD);
        assertNoWordOf(inline.getMessage());
        ConfigException quoted = refusedInline("{\"keys\": [\"root:x:0:0\" 'daemon']}");
        assertTrue(quoted.getMessage().contains("at line 1, column 24"), quoted.getMessage());
        assertNoWordOf(quoted.getMessage());
    }

    private static void assertNoWordOf(String message) {
        for (String word : new String[] {"root", "daemon", "bash", "nologin", "x:0"}) {
            assertFalse(message.contains(word), "the message quotes the file: " + message);
        }
    }
}
