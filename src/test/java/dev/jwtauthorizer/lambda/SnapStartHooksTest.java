package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapStartHooksTest {

    @Test
    void primingRunsTheRequestPathQuietlyAndChangesNoDecision() {
        Authorizer authorizer = Authorizer.fromEnvironment(TestEnv.rsa());
        TokenAuthorizerHandler handler = new TokenAuthorizerHandler(authorizer);
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            handler.beforeCheckpoint(null);
        } finally {
            System.setErr(original);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("\"event\":\"primed\""), text);
        assertFalse(text.contains("priming_failed"), text);
        // Neither the primer's synthetic decisions nor the real authorizer's warm-up one: they would feed 401 alarms.
        assertEquals(0, text.lines().filter(l -> l.contains("\"event\":\"decision\"")).count(), text);
        assertFalse(text.contains("keys_loaded"), text);
        assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1"), Tokens.METHOD_ARN).reason());
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, authorizer.authorize("Bearer " + Tokens.claims()
                .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256(new byte[32])), Tokens.METHOD_ARN).reason());
    }

    @Test
    void afterRestoreRefetchesTheKeySetSoKeysWithdrawnSinceTheSnapshotAreDropped() throws Exception {
        try (JwksServer server = new JwksServer()) {
            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "old")));
            Map<String, String> env = TestEnv.withJwksUri(server.url());
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            TokenAuthorizerHandler handler = new TokenAuthorizerHandler(authorizer);
            assertEquals(1, server.requests());

            server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "new")));
            handler.afterRestore(null);
            assertEquals(2, server.requests(), "refetched at once, cooldown or not");
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA_2, "new"), Tokens.METHOD_ARN).reason());
            assertEquals(Reason.UNKNOWN_KID, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "old"), Tokens.METHOD_ARN).reason());
            assertEquals(3, server.requests(), "an unknown kid looks once more: the restore spent no budget of its own");
            assertEquals(Reason.UNKNOWN_KID, authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA, "old"), Tokens.METHOD_ARN).reason());
            assertEquals(3, server.requests(), "and no more within the cooldown");
        }
    }
}
