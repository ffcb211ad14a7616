package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.FakeCredentials;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.SecretsManagerFake;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No line, at any level and of any kind (decisions, metrics-only lines, fetches, start lines),
 * holds a token, a part of one, or a secret: the log is read by more people than the secrets are.
 */
class NoSecretInAnyLineTest {
    private static final String SECRETS_PATH = "/secretsmanager/get";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr-session-token";

    @AfterEach
    void restoreDefaults() {
        JsonLog.configure(LogSettings.DEFAULTS);
    }

    @Test
    void noTokenOrSecretInAnyLineAtAnyLevel() throws Exception {
        List<String> tokens = List.of(
                Tokens.claims().withKeyId("k").sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET)),
                Tokens.claims().sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET + "wrong")),
                Tokens.claims().withExpiresAt(new java.util.Date(0)).sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET)),
                Tokens.raw(Map.of("alg", "none"), Tokens.payload(), "c2lnbmF0dXJl"),
                "not-a-token-but-secret-looking-text");
        try (JwksServer extension = new JwksServer()) {
            extension.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", TestKeys.HMAC_SECRET)));
            for (String level : List.of("DEBUG", "INFO", "WARN", "ERROR")) {
                Map<String, String> env = TestEnv.secretFromExtension(extension.port());
                env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
                env.put("POWERTOOLS_LOG_LEVEL", level);
                extension.serve(SECRETS_PATH, Tokens.json(Map.of("SecretString", TestKeys.HMAC_SECRET)));
                String log = LogCapture.capture(() -> {
                    AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(env));
                    for (String token : tokens) {
                        for (String where : List.of("Bearer " + token, token)) {
                            try {
                                handler.handleRequest(Events.token(where, Tokens.METHOD_ARN), FakeContext.of("r"));
                            } catch (RuntimeException refused) {
                                // 401s are decisions too.
                            }
                        }
                    }
                });
                assertEquals(tokens.size() * 2, LogLines.decisionCounts(LogLines.parse(log)).size(), "decisions counted at " + level);
                for (String token : tokens) {
                    assertFalse(log.contains(token), "token in the log at " + level);
                    for (String part : token.split("\\.")) {
                        assertFalse(part.length() > 8 && log.contains(part), "token part " + part + " in the log at " + level);
                    }
                }
                assertFalse(log.contains(TestKeys.HMAC_SECRET.substring(0, 16)), "secret in the log at " + level);
                assertFalse(log.contains(SESSION_TOKEN), "session token in the log at " + level);
            }
        }
    }

    /**
     * The signed Secrets Manager call: neither the credentials, nor the signature, nor the secret, in
     * any line, whether the call is refused (a wrong secret access key), succeeds, or is repeated on
     * restore.
     */
    @Test
    void noCredentialSignatureOrSecretFromTheSignedCallAtAnyLevel() throws Exception {
        FakeCredentials right = FakeCredentials.temporary();
        FakeCredentials wrongKey = new FakeCredentials(right.accessKeyId(), "wrong-" + right.secretAccessKey(), right.sessionToken());
        String token = Tokens.claims().sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET));
        try (SecretsManagerFake secretsManager = new SecretsManagerFake()) {
            secretsManager.accept(right).secret("prod/jwt", TestKeys.HMAC_SECRET);
            for (String level : List.of("DEBUG", "INFO", "WARN", "ERROR")) {
                String log = LogCapture.capture(() -> {
                    for (FakeCredentials credentials : List.of(wrongKey, right)) {
                        Map<String, String> env = TestEnv.withCredentials(TestEnv.secretFromApi(secretsManager), credentials);
                        env.put("POWERTOOLS_LOG_LEVEL", level);
                        AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(env));
                        try {
                            handler.handleRequest(Events.token("Bearer " + token, Tokens.METHOD_ARN), FakeContext.of("r"));
                        } catch (RuntimeException refused) {
                            // The wrong key's 500 is a decision too.
                        }
                        handler.afterRestore(null);
                    }
                });
                assertEquals(2, LogLines.decisionCounts(LogLines.parse(log)).size(), "decisions counted at " + level);
                for (String never : List.of(right.secretAccessKey(), right.sessionToken(), "Signature=", "AWS4-HMAC-SHA256",
                        TestKeys.HMAC_SECRET.substring(0, 16), "SecretString", "does not match")) {
                    assertFalse(log.contains(never), never + " in the log at " + level);
                }
            }
        }
    }
}
