package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A claim named in a rule is that one claim and no other: a token cannot meet a rule with a claim
 * shaped to look like it (issue 12, point 7). And a rule that could never match stops the start.
 * Through the real handler, with tokens made by nimbus-jose-jwt.
 */
class ClaimNamesTest {
    private static final String METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/books/42";
    private static final List<String> EDITOR = List.of("editor");

    private static Map<String, String> env(String rules) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", Forger.ISSUER);
        env.put("JWT_AUDIENCE", Forger.AUDIENCE);
        env.put("JWT_JWKS", Forger.jwks());
        env.put("JWT_RULES", rules);
        return env;
    }

    private static TokenAuthorizerHandler handler(String claim, String value) {
        String rules = "[{\"claim\":\"" + claim + "\",\"value\":\"" + value + "\",\"allow\":[\"GET /books/*\"]}]";
        return new TokenAuthorizerHandler(Authorizer.fromEnvironment(env(rules)));
    }

    /** A genuine token (scope books:read, granting nothing here) with this one extra claim. */
    private static String status(TokenAuthorizerHandler handler, String claim, Object value) {
        String token = Forger.sign(JWSAlgorithm.RS256, Forger.RSA, Forger.claims().claim(claim, value).build());
        return Answer.of(handler, "Bearer " + token, METHOD_ARN).status();
    }

    private static String startFailure(String rules) {
        return assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env(rules))).getMessage();
    }

    @Test
    void aRuleOnANamespacedClaimIsMetOnlyByThatExactClaim() {
        TokenAuthorizerHandler handler = handler("https://example.com/roles", "editor");
        assertEquals("Allow", status(handler, "https://example.com/roles", EDITOR));
        // Read as the dotted path "https://example" -> "com/roles", this met the rule before.
        assertEquals("403", status(handler, "https://example", Map.of("com/roles", EDITOR)));
        assertEquals("403", status(handler, "https://example.com", Map.of("roles", EDITOR)));
    }

    @Test
    void aPointerRuleIsMetOnlyByTheNestedClaim() {
        TokenAuthorizerHandler handler = handler("/realm_access/roles", "archivist");
        assertEquals("Allow", status(handler, "realm_access", Map.of("roles", List.of("archivist"))));
        assertEquals("403", status(handler, "realm_access.roles", List.of("archivist")));
        assertEquals("403", status(handler, "realm_access", "archivist"));
    }

    @Test
    void aPointerOfOneStepIsMetOnlyByTheTopLevelClaimOfThatName() {
        TokenAuthorizerHandler handler = handler("/realm_access.roles", "archivist");
        assertEquals("Allow", status(handler, "realm_access.roles", List.of("archivist")));
        assertEquals("403", status(handler, "realm_access", Map.of("roles", List.of("archivist"))));
    }

    @Test
    void aNestedScopeIsNotSplitOnSpaces() {
        TokenAuthorizerHandler handler = handler("/ext/scope", "admin");
        assertEquals("403", status(handler, "ext", Map.of("scope", "read admin")));
        assertEquals("Allow", status(handler, "ext", Map.of("scope", "admin")));
    }

    @Test
    void aDottedClaimNameStopsTheStartSayingWhichPointerToWrite() {
        assertEquals("JWT_RULES: rule 1: claim \"realm_access.roles\" is ambiguous: write \"/realm_access/roles\" "
                + "for the nested claim, or \"/realm_access.roles\" for a top-level claim of that name",
                startFailure("[{\"claim\":\"realm_access.roles\",\"value\":\"archivist\",\"allow\":[\"GET /archive/*\"]}]"));
    }

    @Test
    void aScopeValueWithASpaceStopsTheStart() {
        String rules = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\"]},"
                + "{\"claim\":\"scope\",\"value\":\"books:read books:write\",\"allow\":[\"POST /books\"]}]";
        assertEquals("JWT_RULES: rule 2: \"scope\" values are single words; split \"books:read books:write\" "
                + "into one rule per word", startFailure(rules));
        assertEquals("JWT_RULES: rule 1: \"scp\" values are single words; split \"books:read\tbooks:write\" "
                + "into one rule per word",
                startFailure("[{\"claim\":\"scp\",\"value\":\"books:read\\tbooks:write\",\"allow\":[\"POST /books\"]}]"));
    }

    @Test
    void aValueWithWhitespaceAroundItStopsTheStart() {
        assertEquals("JWT_RULES: rule 1: \"value\" \"admin \" starts or ends with whitespace; write \"admin\"",
                startFailure("[{\"claim\":\"roles\",\"value\":\"admin \",\"allow\":[\"* /*\"]}]"));
        assertEquals("JWT_RULES: rule 1: \"value\" \" \" starts or ends with whitespace",
                startFailure("[{\"claim\":\"tenant\",\"value\":\" \",\"allow\":[\"* /*\"]}]"));
    }

    @Test
    void aRuleInAnIssuerEntryIsCheckedTheSameWay() {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUERS", "[{\"issuer\":\"" + Forger.ISSUER + "\",\"audiences\":[\"" + Forger.AUDIENCE + "\"],"
                + "\"jwks\":" + Forger.jwks() + ",\"rules\":[{\"claim\":\"realm_access.roles\",\"value\":\"a\","
                + "\"allow\":[\"GET /a\"]}]}]");
        String message = assertThrows(ConfigException.class, () -> Authorizer.fromEnvironment(env)).getMessage();
        assertTrue(message.startsWith("JWT_ISSUERS: entry 1") && message.endsWith("rule 1: claim \"realm_access.roles\" "
                + "is ambiguous: write \"/realm_access/roles\" for the nested claim, or \"/realm_access.roles\" for a "
                + "top-level claim of that name"), message);
    }
}
