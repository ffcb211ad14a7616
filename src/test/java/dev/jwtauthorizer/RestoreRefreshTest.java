package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWT;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Fetched key sets are fetched at start, and again after each SnapStart restore, before the first
 * request: all at once, so that the first request waits for the slowest server, not for their sum.
 */
class RestoreRefreshTest {
    private static String token(String issuer, String kid) {
        Instant now = Instant.now();
        return JWT.create().withIssuer(issuer).withAudience("api").withSubject("alice").withKeyId(kid)
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).sign(Tokens.algorithm("RS256", TestKeys.RSA_2));
    }

    @Test
    void atStartEveryIssuersKeySetIsFetchedAtOnce() throws Exception {
        try (JwksServer a = new JwksServer(); JwksServer b = new JwksServer()) {
            CountDownLatch together = new CountDownLatch(2);
            a.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "a-2"))).answerTogether(together);
            b.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "b-2"))).answerTogether(together);
            String issuers = "[{\"issuer\":\"https://a.example\",\"audiences\":\"api\",\"jwksUri\":\"" + a.url() + "\"},"
                    + "{\"issuer\":\"https://b.example\",\"audiences\":\"api\",\"jwksUri\":\"" + b.url() + "\"}]";
            Authorizer authorizer = LogCapture.discard(() -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", issuers)));
            // Both were loaded at start: the first requests fetch nothing.
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + token("https://a.example", "a-2"),
                    Tokens.METHOD_ARN).reason());
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + token("https://b.example", "b-2"),
                    Tokens.METHOD_ARN).reason());
            assertEquals(1, a.requests());
            assertEquals(1, b.requests());
        }
    }

    @Test
    void everyKeySetIsFetchedAgainAtOnceAfterARestore() throws Exception {
        try (JwksServer a = new JwksServer(); JwksServer b = new JwksServer()) {
            a.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "a-1")));
            b.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "b-1")));
            String issuers = "[{\"issuer\":\"https://a.example\",\"audiences\":\"api\",\"jwksUri\":\"" + a.url() + "\"},"
                    + "{\"issuer\":\"https://b.example\",\"audiences\":\"api\",\"jwksUri\":\"" + b.url() + "\"}]";
            Authorizer authorizer = LogCapture.discard(() -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", issuers)));
            // Both rotate while the snapshot sleeps; each server answers only while the other has a request too.
            a.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "a-2")));
            b.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA_2, "b-2")));
            CountDownLatch together = new CountDownLatch(2);
            a.answerTogether(together);
            b.answerTogether(together);
            String log = LogCapture.capture(authorizer::afterRestore);
            assertTrue(log.contains("\"keySourcesRefreshed\":2"), log);
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + token("https://a.example", "a-2"),
                    Tokens.METHOD_ARN).reason());
            assertEquals(Reason.ROUTE_ALLOWED, authorizer.authorize("Bearer " + token("https://b.example", "b-2"),
                    Tokens.METHOD_ARN).reason());
        }
    }
}
