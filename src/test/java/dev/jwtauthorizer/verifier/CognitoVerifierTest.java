package dev.jwtauthorizer.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.JWTCreator;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.config.IssuersInCode;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.support.JwksServer;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cognito user pools: issuer and key set URL from the pool id; token_use and client_id checked. */
class CognitoVerifierTest {
    private static final String POOL = "eu-west-1_TestPool1";
    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL;

    private JwksServer server;

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer();
        server.serve(TestKeys.jwks(TestKeys.jwk(TestKeys.RSA, "cognito-1", "use", "sig", "alg", "RS256")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The pool's real key URL is off this machine: the builder's test hook points it at the server. */
    private JwtVerifier.CognitoBuilder pool() {
        return JwtVerifier.cognito(POOL).clientId("client-abc").jwksUri(server.url());
    }

    private static String token(String tokenUse, String clientId, String audience) {
        JWTCreator.Builder claims = Tokens.claims().withIssuer(ISSUER).withAudience(audience == null ? null : new String[] {audience})
                .withKeyId("cognito-1").withClaim("token_use", tokenUse).withClaim("cognito:groups", List.of("readers"));
        if (clientId != null) {
            claims.withClaim("client_id", clientId);
        }
        return claims.sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    private static Reason rejection(JwtVerifier verifier, String token) {
        return assertThrows(JwtRejectedException.class, () -> verifier.verify(token)).reason();
    }

    @Test
    void issuerAndKeySetUrlAreDerivedFromThePoolId() {
        JwtVerifier.CognitoBuilder builder = JwtVerifier.cognito(POOL).clientId("client-abc");
        List<IssuerConfig> issuers = IssuersInCode.read(builder.values(), null, JwtVerifier.CognitoBuilder.NAMES, Duration.ofSeconds(2));
        assertEquals(Set.of(ISSUER), issuers.get(0).issuers());
        assertEquals(ISSUER + "/.well-known/jwks.json", issuers.get(0).keySource().describe());
        assertEquals(IssuerConfig.CognitoTokenUse.ACCESS, issuers.get(0).cognitoTokenUse());
    }

    @Test
    void accessTokensAreCheckedByTokenUseAndClientId() {
        JwtVerifier verifier = pool().build();
        VerifiedJwt jwt = verifier.verify(token("access", "client-abc", null));
        assertEquals(ISSUER, jwt.issuer());
        assertEquals(List.of(), jwt.audiences());
        assertEquals(List.of("readers"), jwt.stringsClaim("cognito:groups"));
        assertEquals(Reason.WRONG_CLIENT_ID, rejection(verifier, token("access", "client-other", null)));
        assertEquals(Reason.WRONG_CLIENT_ID, rejection(verifier, token("access", null, "client-abc")));
        assertEquals(Reason.WRONG_TOKEN_USE, rejection(verifier, token("id", null, "client-abc")));
        assertEquals(Reason.WRONG_TOKEN_USE, rejection(verifier, token(null, "client-abc", null)));
        assertEquals(1, server.requests());
    }

    @Test
    void idTokensAreCheckedByTokenUseAndAudience() {
        JwtVerifier verifier = pool().tokenUse(TokenUse.ID).build();
        assertEquals(List.of("client-abc"), verifier.verify(token("id", null, "client-abc")).audiences());
        assertEquals(Reason.WRONG_AUDIENCE, rejection(verifier, token("id", null, "client-other")));
        assertEquals(Reason.WRONG_TOKEN_USE, rejection(verifier, token("access", "client-abc", "client-abc")));
    }

    @Test
    void anotherPoolsTokensAreRefusedBeforeAnyKeyIsLookedAt() {
        JwtVerifier verifier = pool().build();
        String otherPool = Tokens.claims().withIssuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other")
                .withKeyId("cognito-1").withClaim("token_use", "access").withClaim("client_id", "client-abc")
                .sign(Tokens.algorithm("RS256", TestKeys.RSA));
        assertEquals(Reason.WRONG_ISSUER, rejection(verifier, otherPool));
    }

    @Test
    void aPoolIdThatIsNotOneIsRefusedWithTheShapeExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwtVerifier.cognito("not-a-pool").clientId("client-abc").build());
        assertTrue(e.getMessage().contains("JwtVerifier.cognito(...)") && e.getMessage().contains("eu-west-1_AbC123xyz"), e.getMessage());
    }

    @Test
    void aCognitoIssuerGivenAsAPlainIssuerPointsToTheCognitoBuilder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JwtVerifier.builder().issuer(ISSUER).audience("client-abc").build());
        assertTrue(e.getMessage().contains("JwtVerifier.cognito(\"" + POOL + "\")"), e.getMessage());
    }

    @Test
    void clientIdsAreRequired() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JwtVerifier.cognito(POOL).build());
        assertTrue(e.getMessage().startsWith("clientId(...) is required"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JwtVerifier.cognito(POOL).tokenUse(null));
        assertThrows(IllegalArgumentException.class, () -> JwtVerifier.cognito(" "));
    }
}
