package dev.jwtauthorizer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.Gateway;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JWT_JWKS_FILE: a key set file read and checked at start, alone or beside a file: JWT_JWKS_URI naming the same file. */
class KeySetFileTest {
    @TempDir
    Path dir;

    private Path keySetFile(String name, KeyPair pair, String kid) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, TestKeys.jwks(TestKeys.jwk(pair, kid, "use", "sig", "alg", "RS256")));
        return file;
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = TestEnv.rsa();
        env.remove("JWT_JWKS");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static ConfigException failure(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> AuthorizerConfig.fromEnvironment(env));
    }

    @Test
    void tokensSignedWithAKeyOfTheFileAreAllowedAndOthersAreNot() throws Exception {
        Path file = keySetFile("jwks.json", TestKeys.RSA, "rsa-1");
        Authorizer authorizer = Authorizer.fromEnvironment(env("JWT_JWKS_FILE", file.toString()));
        assertEquals("Allow", Gateway.answer(authorizer, Tokens.rs256(TestKeys.RSA, "rsa-1")));
        assertEquals("401", Gateway.answer(authorizer, Tokens.rs256(TestKeys.RSA_2, "rsa-1")));
    }

    @Test
    void aRelativePathIsReadUnderTheTaskRootThenInThePackage() throws Exception {
        keySetFile("keys.json", TestKeys.RSA, "rsa-1");
        IssuerConfig fromTaskRoot = ConfigReaderTest.only(AuthorizerConfig.fromEnvironment(
                env("JWT_JWKS_FILE", "keys.json", "LAMBDA_TASK_ROOT", dir.toString())));
        assertFalse(fromTaskRoot.keySource().isRemote());
        assertEquals(dir.resolve("keys.json").toString(), fromTaskRoot.keySource().describe());
        IssuerConfig fromPackage = ConfigReaderTest.only(AuthorizerConfig.fromEnvironment(
                env("JWT_JWKS_FILE", "test-jwks.json", "LAMBDA_TASK_ROOT", dir.toString())));
        assertEquals("inline JWT_JWKS_FILE test-jwks.json in the package", fromPackage.keySource().describe());
        ConfigException missing = failure(env("JWT_JWKS_FILE", "no-such-jwks.json", "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals("JWT_JWKS_FILE", missing.variable());
        assertTrue(missing.getMessage().contains("no file " + dir.resolve("no-such-jwks.json")), missing.getMessage());
    }

    @Test
    void besideAFileUriOfTheSameFileItIsOneKeySet() throws Exception {
        Path file = keySetFile("jwks.json", TestKeys.RSA, "rsa-1");
        Authorizer authorizer = Authorizer.fromEnvironment(env("JWT_JWKS_FILE", file.toString(),
                "JWT_JWKS_URI", file.toUri().toString()));
        assertEquals("Allow", Gateway.answer(authorizer, Tokens.rs256(TestKeys.RSA, "rsa-1")));
        AuthorizerConfig.fromEnvironment(env("JWT_JWKS_FILE", "jwks.json", "JWT_JWKS_URI", "file:jwks.json",
                "LAMBDA_TASK_ROOT", dir.toString()));
    }

    @Test
    void besideAnotherKeySetItStopsTheStart() throws Exception {
        Path file = keySetFile("jwks.json", TestKeys.RSA, "rsa-1");
        Path other = keySetFile("other.json", TestKeys.RSA_2, "rsa-2");
        for (String uri : new String[] {other.toUri().toString(), "https://issuer.test.example/jwks.json",
                dir.resolve("missing.json").toUri().toString(), "not a uri"}) {
            ConfigException e = failure(env("JWT_JWKS_FILE", file.toString(), "JWT_JWKS_URI", uri));
            assertEquals("JWT_JWKS_FILE: and JWT_JWKS_URI are both set and do not name the same file; use one", e.getMessage());
        }
        ConfigException inline = failure(env("JWT_JWKS_FILE", file.toString(), "JWT_JWKS", Files.readString(file)));
        assertEquals("JWT_JWKS: and JWT_JWKS_FILE are both set; use one", inline.getMessage());
    }

    @Test
    void aFileThatIsNoUsablePublicKeySetStopsTheStartNamingIt() throws Exception {
        Path priv = dir.resolve("private.json");
        Files.writeString(priv, TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1", "d", "c2VjcmV0")));
        ConfigException withPrivate = failure(env("JWT_JWKS_FILE", priv.toString()));
        assertEquals("JWT_JWKS_FILE", withPrivate.variable());
        assertTrue(withPrivate.getMessage().startsWith("JWT_JWKS_FILE: " + priv + " holds private key material"), withPrivate.getMessage());
        Path notJson = dir.resolve("notes.txt");
        Files.writeString(notJson, "private words");
        ConfigException notAKeySet = failure(env("JWT_JWKS_FILE", notJson.toString()));
        assertTrue(notAKeySet.getMessage().contains("is not JSON"), notAKeySet.getMessage());
        assertFalse(notAKeySet.getMessage().contains("private words"), notAKeySet.getMessage());
        Path large = dir.resolve("large.json");
        Files.writeString(large, " ".repeat(KeysReader.MAX_JWKS_BYTES + 1));
        ConfigException tooLarge = failure(env("JWT_JWKS_FILE", large.toString()));
        assertEquals("JWT_JWKS_FILE", tooLarge.variable());
        assertFalse(tooLarge.getMessage().contains("    "), tooLarge.getMessage());
    }

    @Test
    void aPackagedFileIsHeldToTheLimitInBytesAndToStrictUtf8() throws Exception {
        // Two bytes a character: under the limit counted in characters, over it in bytes.
        byte[] large = ("{\"keys\":[],\"note\":\"" + "\u00e9".repeat(KeysReader.MAX_JWKS_BYTES / 2) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ConfigException tooLarge = failure(env("JWT_JWKS_FILE", packagedFile(large), "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals("JWT_JWKS_FILE", tooLarge.variable());
        assertTrue(tooLarge.getMessage().contains("in the package is larger than " + KeysReader.MAX_JWKS_BYTES + " bytes"),
                tooLarge.getMessage());
        byte[] malformed = {'{', '"', 'k', (byte) 0xff, '"', ':', '1', '}'};
        ConfigException notUtf8 = failure(env("JWT_JWKS_FILE", packagedFile(malformed), "LAMBDA_TASK_ROOT", dir.toString()));
        assertEquals("JWT_JWKS_FILE", notUtf8.variable());
        assertTrue(notUtf8.getMessage().contains("it must be a readable UTF-8 JSON file"), notUtf8.getMessage());
    }

    /** A file in the test classpath's directory, which the class loader serves as the package's own; removed after the test. */
    private String packagedFile(byte[] content) throws Exception {
        Path classpathRoot = Path.of(KeySetFileTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = Files.createTempFile(classpathRoot, "packaged-keys-", ".json");
        file.toFile().deleteOnExit();
        Files.write(file, content);
        return file.getFileName().toString();
    }

    @Test
    void whereNoKeySetIsUsedItStopsTheStart() throws Exception {
        Path file = keySetFile("jwks.json", TestKeys.RSA, "rsa-1");
        ConfigException hmacOnly = failure(env("JWT_JWKS_FILE", file.toString(), "JWT_ALGORITHMS", "HS256",
                "JWT_HMAC_SECRET", "x".repeat(64)));
        assertEquals("JWT_JWKS_FILE: is set but JWT_ALGORITHMS allows no RS, PS or ES algorithm", hmacOnly.getMessage());
        Map<String, String> issuers = env("JWT_JWKS_FILE", file.toString(), "JWT_ISSUERS",
                "[{\"issuer\":\"" + Tokens.ISSUER + "\",\"audiences\":[\"" + Tokens.AUDIENCE + "\"],\"jwksUri\":\"" + file.toUri() + "\"}]");
        issuers.remove("JWT_ISSUER");
        issuers.remove("JWT_AUDIENCE");
        assertEquals("JWT_JWKS_FILE", failure(issuers).variable());
        Map<String, String> apiKeysOnly = env("JWT_JWKS_FILE", file.toString(), "JWT_API_KEYS", ApiKeys.document(ApiKeys.acmeEntry()));
        apiKeysOnly.remove("JWT_ISSUER");
        apiKeysOnly.remove("JWT_AUDIENCE");
        assertEquals("JWT_JWKS_FILE", failure(apiKeysOnly).variable());
    }
}
