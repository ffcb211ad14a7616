package dev.jwtauthorizer.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The library's verifier, against keys served on 127.0.0.1, given inline, or an HMAC secret. */
class JwtVerifierTest {
    private static final String DISCOVERY = "/.well-known/openid-configuration";

    private JwksServer server;

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer();
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "k1")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JwtVerifier.Builder overHttp() {
        return JwtVerifier.builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).jwksUri(server.url());
    }

    private static String rs256(JWTCreator.Builder claims) {
        return claims.withKeyId("k1").sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    private static Reason rejection(JwtVerifier verifier, String token) {
        return assertThrows(JwtRejectedException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void aValidTokenGivesItsClaims() {
        JwtVerifier verifier = overHttp().build();
        VerifiedJwt jwt = verifier.verify(rs256(Tokens.claims()
                .withClaim("scope", "read write")
                .withClaim("tenant", "acme")
                .withClaim("level", 3)
                .withClaim("groups", List.of("a", "b"))
                .withClaim("address", Map.of("country", "NL"))));
        assertEquals(Tokens.ISSUER, jwt.issuer());
        assertEquals("alice", jwt.subject());
        assertEquals(List.of(Tokens.AUDIENCE), jwt.audiences());
        assertEquals("RS256", jwt.algorithm());
        assertEquals("k1", jwt.keyId());
        assertEquals("acme", jwt.stringClaim("tenant"));
        assertEquals("3", jwt.stringClaim("level"));
        assertNull(jwt.stringClaim("groups"));
        assertEquals(List.of("read", "write"), jwt.stringsClaim("scope"));
        assertEquals(List.of("a", "b"), jwt.stringsClaim("groups"));
        assertEquals(List.of("a", "b"), jwt.claim("groups"));
        assertEquals("NL", jwt.claim("/address/country"));
        assertNull(jwt.claim("absent"));
        assertEquals(List.of(), jwt.stringsClaim("absent"));
        assertEquals("acme", jwt.claims().get("tenant"));
    }

    @Test
    void claimsCannotBeChangedByTheCaller() {
        VerifiedJwt jwt = overHttp().build().verify(rs256(Tokens.claims().withClaim("groups", List.of("a"))
                .withClaim("address", Map.of("country", "NL"))));
        assertThrows(UnsupportedOperationException.class, () -> jwt.claims().put("sub", "mallory"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) jwt.claim("groups")).add("admins"));
        assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) jwt.claim("address")).clear());
        assertEquals(List.of("a"), jwt.stringsClaim("groups"));
    }

    @Test
    void aBearerHeaderValueIsAcceptedAsTheToken() {
        assertEquals("alice", overHttp().build().verify("Bearer " + rs256(Tokens.claims())).subject());
    }

    @Test
    void everyRejectionSaysWhy() {
        JwtVerifier verifier = overHttp().build();
        Instant now = Instant.now();
        assertEquals(Reason.EXPIRED, rejection(verifier, rs256(Tokens.claims().withExpiresAt(now.minusSeconds(60)))));
        assertEquals(Reason.MISSING_EXPIRY, rejection(verifier, rs256(Tokens.claims().withExpiresAt((Instant) null))));
        assertEquals(Reason.NOT_YET_VALID, rejection(verifier, rs256(Tokens.claims().withNotBefore(now.plusSeconds(600)))));
        assertEquals(Reason.WRONG_AUDIENCE, rejection(verifier, rs256(Tokens.claims().withAudience("other-api"))));
        assertEquals(Reason.WRONG_ISSUER, rejection(verifier, rs256(Tokens.claims().withIssuer("https://evil.example"))));
        assertEquals(Reason.BAD_SIGNATURE, rejection(verifier,
                Tokens.claims().withKeyId("k1").sign(Tokens.algorithm("RS256", TestKeys.RSA_2))));
        assertEquals(Reason.UNKNOWN_KID, rejection(verifier,
                Tokens.claims().withKeyId("k9").sign(Tokens.algorithm("RS256", TestKeys.RSA))));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, rejection(verifier,
                Tokens.claims().withKeyId("k1").sign(Tokens.algorithm("RS512", TestKeys.RSA))));
        assertEquals(Reason.MALFORMED_TOKEN, rejection(verifier, "not.a.jwt!"));
        assertEquals(Reason.MISSING_TOKEN, rejection(verifier, null));
        assertEquals(Reason.TOKEN_TOO_LARGE, rejection(verifier, "a".repeat(9000)));
        assertEquals(Reason.UNSUPPORTED_CRITICAL_HEADER, rejection(verifier, Tokens.claims().withKeyId("k1")
                .withHeader(Map.of("crit", List.of("exp"))).sign(Tokens.algorithm("RS256", TestKeys.RSA))));
    }

    @Test
    void unsignedTokensAreRefusedInEverySpelling() {
        JwtVerifier verifier = overHttp().algorithms("RS256", "HS256").hmacSecret(secret()).build();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            // As attack tools send it: an empty signature, which no compact JWS here may have.
            assertEquals(Reason.MALFORMED_TOKEN, rejection(verifier, Tokens.raw(Map.of("alg", none), Tokens.payload(), "")), none);
            assertEquals(Reason.ALGORITHM_NOT_ALLOWED, rejection(verifier,
                    Tokens.raw(Map.of("alg", none), Tokens.payload(), Tokens.b64("x"))), none);
        }
    }

    @Test
    void aKeyPublishedAfterTheVerifierWasBuiltIsLearnedOnItsFirstUse() {
        JwtVerifier verifier = overHttp().build();
        assertEquals(1, server.requests());
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "k1"), TestKeys.jwk(TestKeys.RSA_2, "k2")));
        String rotated = Tokens.claims().withKeyId("k2").sign(Tokens.algorithm("RS256", TestKeys.RSA_2));
        assertEquals("alice", verifier.verify(rotated).subject());
        assertEquals(2, server.requests());
    }

    @Test
    void keysThatCannotBeFetchedAreAnOutageNotARejection() {
        server.fail(503);
        JwtVerifier verifier = overHttp().build();
        JwtVerifierUnavailableException outage = assertThrows(JwtVerifierUnavailableException.class,
                () -> verifier.verify(rs256(Tokens.claims())));
        assertEquals(Reason.KEY_SET_UNAVAILABLE, outage.reason());
        assertTrue(outage.getMessage().contains(server.url()), outage.getMessage());
    }

    @Test
    void keysAreFoundByOidcDiscoveryWhenNoKeySourceIsGiven() {
        String issuer = server.baseUrl() + "/tenant";
        server.serve("/tenant" + DISCOVERY, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + server.baseUrl() + "/keys\"}");
        server.serve("/keys", TestKeys.jwks(TestKeys.jwk(TestKeys.EC256, "e1")));
        JwtVerifier verifier = JwtVerifier.builder().issuer(issuer).audience(Tokens.AUDIENCE).algorithms("ES256").build();
        String token = Tokens.claims().withIssuer(issuer).withKeyId("e1").sign(Tokens.algorithm("ES256", TestKeys.EC256));
        assertEquals("ES256", verifier.verify(token).algorithm());
        assertEquals(1, server.requests("/tenant" + DISCOVERY));
        assertEquals(1, server.requests("/keys"));
    }

    @Test
    void anInlineKeySetNeedsNoServer() {
        JwtVerifier verifier = JwtVerifier.builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .algorithms("ES384").jwks(TestKeys.jwks(TestKeys.jwk(TestKeys.EC384, "e384"))).build();
        String token = Tokens.claims().withKeyId("e384").sign(Tokens.algorithm("ES384", TestKeys.EC384));
        assertEquals("e384", verifier.verify(token).keyId());
        assertEquals(Reason.UNKNOWN_KID, rejection(verifier,
                Tokens.claims().withKeyId("other").sign(Tokens.algorithm("ES384", TestKeys.EC384))));
    }

    @Test
    void anHmacSecretVerifiesHsTokensAndOnlyThose() {
        JwtVerifier verifier = JwtVerifier.builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE)
                .algorithms("HS256").hmacSecret(secret()).build();
        assertEquals("HS256", verifier.verify(Tokens.claims().sign(Algorithm.HMAC256(secret()))).algorithm());
        assertEquals(Reason.BAD_SIGNATURE, rejection(verifier,
                Tokens.claims().sign(Algorithm.HMAC256("another secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8)))));
        assertEquals(Reason.ALGORITHM_NOT_ALLOWED, rejection(verifier, rs256(Tokens.claims())));
    }

    @Test
    void leewayAppliesToExpiry() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        String token = rs256(Tokens.claims().withIssuedAt(expiry.minusSeconds(60)).withExpiresAt(expiry));
        Clock fourSecondsLate = Clock.fixed(expiry.plusSeconds(4), ZoneOffset.UTC);
        assertEquals("alice", overHttp().clock(fourSecondsLate).build().verify(token).subject());
        assertEquals(Reason.EXPIRED, rejection(overHttp().clock(fourSecondsLate).leeway(Duration.ZERO).build(), token));
        assertEquals(Reason.EXPIRED, rejection(overHttp().clock(Clock.fixed(expiry.plusSeconds(11), ZoneOffset.UTC))
                .leeway(Duration.ofSeconds(10)).build(), token));
    }

    @Test
    void tokenTypesRefuseOtherTyps() {
        JwtVerifier verifier = overHttp().tokenTypes("at+jwt").build();
        assertEquals("alice", verifier.verify(rs256(Tokens.claims().withHeader(Map.of("typ", "application/at+jwt")))).subject());
        assertEquals(Reason.WRONG_TOKEN_TYPE, rejection(verifier, rs256(Tokens.claims().withHeader(Map.of("typ", "JWT")))));
        assertEquals(Reason.WRONG_TOKEN_TYPE, rejection(verifier, rs256(Tokens.claims())));
    }

    @Test
    void anyOneOfSeveralIssuersAndAudiencesPasses() {
        JwtVerifier verifier = overHttp().issuer("https://second.example").audience("other-api").build();
        assertEquals("https://second.example", verifier.verify(rs256(Tokens.claims().withIssuer("https://second.example")
                .withAudience("other-api", "unrelated"))).issuer());
    }

    @Test
    void oneVerifierServesManyThreadsAtOnce() throws Exception {
        JwtVerifier verifier = overHttp().build();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(rs256(Tokens.claims().withSubject("user-" + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String token : tokens) {
                    calls.add(() -> verifier.verify(token).subject());
                }
            }
            List<Future<String>> results = pool.invokeAll(calls);
            for (int i = 0; i < results.size(); i++) {
                assertEquals("user-" + (i % tokens.size()), results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.requests());
    }

    static byte[] secret() {
        return TestKeys.HMAC_SECRET.getBytes(StandardCharsets.UTF_8);
    }
}
