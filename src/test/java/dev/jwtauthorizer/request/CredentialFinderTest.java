package dev.jwtauthorizer.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which credential a request carries, by the documented rule. */
class CredentialFinderTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln";
    private static final CredentialFinder BOTH = new CredentialFinder(TokenSources.parse("header:Authorization"),
            TokenSources.parse("header:x-api-key,header:Authorization"));
    private static final CredentialFinder KEYS_ONLY = new CredentialFinder(null, TokenSources.parse("header:Authorization"));

    private static AuthorizerRequest headers(Map<String, List<String>> headers) {
        return new AuthorizerRequest(ApiKind.REST_REQUEST, ARN, null, headers, Map.of(), List.of());
    }

    private static Reason refusal(CredentialFinder finder, AuthorizerRequest request) {
        return assertThrows(TokenRejectedException.class, () -> finder.find(request)).reason();
    }

    @Test
    void aSharedSourceHoldsAJwtWhenTheValueHasAJwtsShape() {
        Credential jwt = BOTH.find(headers(Map.of("authorization", List.of("Bearer " + JWT))));
        assertEquals(Credential.Kind.JWT, jwt.kind());
        Credential key = BOTH.find(headers(Map.of("authorization", List.of("Bearer my.key"))));
        assertEquals(Credential.Kind.API_KEY, key.kind());
        assertEquals("my.key", key.presented());
        assertEquals(Credential.Kind.API_KEY, BOTH.find(headers(Map.of("authorization", List.of("a.b.c.d")))).kind());
    }

    @Test
    void aTokenEventsValueIsToldApartTheSameWay() {
        assertEquals(Credential.Kind.JWT, BOTH.find(AuthorizerRequest.token(JWT, ARN)).kind());
        Credential key = BOTH.find(AuthorizerRequest.token("BEARER k3y", ARN));
        assertEquals(Credential.Kind.API_KEY, key.kind());
        assertEquals("k3y", key.presented());
        assertEquals(Credential.Kind.API_KEY, KEYS_ONLY.find(AuthorizerRequest.token(JWT, ARN)).kind(), "API keys only");
        assertEquals(Reason.MISSING_TOKEN, refusal(BOTH, AuthorizerRequest.token("", ARN)));
    }

    @Test
    void aJwtAndAKeyOrTwoKeysAreAmbiguous() {
        assertEquals(Reason.AMBIGUOUS_CREDENTIALS, refusal(BOTH, headers(Map.of(
                "authorization", List.of("Bearer " + JWT), "x-api-key", List.of("k3y")))));
        assertEquals(Reason.AMBIGUOUS_CREDENTIALS, refusal(BOTH, headers(Map.of(
                "authorization", List.of("other"), "x-api-key", List.of("k3y")))));
        assertEquals(Reason.AMBIGUOUS_CREDENTIALS, refusal(BOTH, headers(Map.of("x-api-key", List.of("k3y", "k4y")))));
        assertEquals(Credential.Kind.API_KEY, BOTH.find(headers(Map.of(
                "authorization", List.of("Bearer k3y"), "x-api-key", List.of("k3y")))).kind(), "the same key twice is one key");
        assertEquals(Reason.MISSING_TOKEN, refusal(BOTH, headers(Map.of("x-other", List.of("k3y")))));
    }

    @Test
    void apiKeySourcesAreReadOnlyWhenApiKeysAreConfigured() {
        CredentialFinder jwtsOnly = new CredentialFinder(TokenSources.parse("header:Authorization"), null);
        Credential found = jwtsOnly.find(headers(Map.of("authorization", List.of("k3y"), "x-api-key", List.of("k4y"))));
        assertEquals(Credential.Kind.JWT, found.kind(), "read as a JWT, and refused as one");
    }

    @Test
    void aKeyFromACookieOrQueryKeepsALeadingBearer() {
        CredentialFinder finder = new CredentialFinder(null, TokenSources.parse("query:api_key"));
        AuthorizerRequest request = new AuthorizerRequest(ApiKind.REST_REQUEST, ARN, null, Map.of(),
                Map.of("api_key", List.of("Bearer k3y")), List.of());
        assertEquals("Bearer k3y", finder.find(request).presented());
    }
}
