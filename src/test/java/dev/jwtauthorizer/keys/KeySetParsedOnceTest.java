package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key set given in configuration is read, parsed and its keys imported once at start: checking
 * it and loading it are the same work, done once, and the keys then verify tokens as before.
 */
class KeySetParsedOnceTest {

    @Test
    void anInlineKeySetIsParsedOnceAndVerifies() {
        String jwks = TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1"));
        int before = JwksParser.keySetsParsed();
        Authorizer authorizer = Authorizer.fromEnvironment(TestEnv.withJwks(jwks));
        assertEquals(1, JwksParser.keySetsParsed() - before);
        assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1"), Tokens.METHOD_ARN).reason());
        assertEquals(Reason.UNKNOWN_KID, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "other"), Tokens.METHOD_ARN).reason());
        assertEquals(1, JwksParser.keySetsParsed() - before, "an unknown kid never rereads a key set given in configuration");
    }

    @Test
    void aKeySetFileIsParsedOnceAndVerifies(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("jwks.json");
        Files.writeString(file, TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "rsa-1")), StandardCharsets.UTF_8);
        Map<String, String> env = TestEnv.withJwksUri(file.toUri().toString());
        int before = JwksParser.keySetsParsed();
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        assertEquals(1, JwksParser.keySetsParsed() - before);
        assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1"), Tokens.METHOD_ARN).reason());
    }
}
