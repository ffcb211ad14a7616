package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.support.ApiKeys;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One JSON line per decision, with reasons and identifiers, and never a token, signature or secret. */
class DecisionLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<JsonNode> capture(Runnable work) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : LogCapture.capture(work).split("\n")) {
            if (!line.isBlank()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void eachDecisionIsOneLineWithOutcomeReasonPrincipalKidAlgAndTime() throws Exception {
        Authorizer authorizer = Authorizer.fromEnvironment(TestEnv.rsa());
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        List<JsonNode> lines = capture(() -> {
            authorizer.authorize("Bearer " + token, Tokens.METHOD_ARN);
            authorizer.authorize("Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-1"), Tokens.METHOD_ARN);
        });
        assertEquals(2, lines.size());
        JsonNode allow = lines.get(0);
        assertEquals("decision", allow.get("event").asText());
        assertEquals("ALLOW", allow.get("outcome").asText());
        assertEquals("ROUTE_ALLOWED", allow.get("reason").asText());
        assertEquals("alice", allow.get("principal").asText());
        assertEquals("rsa-1", allow.get("kid").asText());
        assertEquals("RS256", allow.get("alg").asText());
        assertTrue(allow.get("micros").isNumber());
        assertEquals(16, allow.get("tokenHash").asText().length());
        JsonNode reject = lines.get(1);
        assertEquals("UNAUTHORIZED", reject.get("outcome").asText());
        assertEquals("BAD_SIGNATURE", reject.get("reason").asText());
        assertEquals("rsa-1", reject.get("kid").asText());
        assertFalse(reject.has("principal"));
    }

    @Test
    void tokenHashIsTheDigestOfTheValueAsSentOnceItReadsAsAJwt() throws Exception {
        Authorizer authorizer = Authorizer.fromEnvironment(TestEnv.rsa());
        String token = Tokens.rs256(TestKeys.RSA, "rsa-1");
        // README: printf %s "$VALUE" | sha256sum | cut -c1-16, the scheme included as sent.
        List<String> values = List.of("Bearer " + token, "bEaReR " + token, token, "Bearer " + token + "\u00e9",
                "Bearer " + Tokens.rs256(TestKeys.RSA_2, "rsa-1"), "Bearer \u00fcber.\u4e2d.x");
        List<JsonNode> lines = capture(() -> values.forEach(value -> authorizer.authorize(value, Tokens.METHOD_ARN)));
        assertEquals(values.size(), lines.size());
        for (int i : new int[] {0, 1, 2, 4}) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(values.get(i).getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(digest, 0, 8), lines.get(i).get("tokenHash").asText(), values.get(i));
        }
        assertEquals("ALLOW", lines.get(2).get("outcome").asText());
        assertEquals("BAD_SIGNATURE", lines.get(4).get("reason").asText());
        // Not read as a JWT: no tokenHash (three dotted parts may be an API key, whose digest the key list holds).
        for (int i : new int[] {3, 5}) {
            assertEquals("MALFORMED_TOKEN", lines.get(i).get("reason").asText());
            assertFalse(lines.get(i).has("tokenHash"), values.get(i));
        }
    }

    @Test
    void aDottedApiKeyReadAsAJwtNeverHasItsDigestLogged() throws Exception {
        // An API key with two dots, in a place read for both (a TOKEN event's one value): read as a JWT and
        // refused as malformed; the key list holds its SHA-256, so tokenHash would publish part of it.
        String dotted = "legacy.partner.key-0123456789";
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_API_KEYS", ApiKeys.document(ApiKeys.entry("legacy", ApiKeys.sha256(dotted), "partner", List.of("GET /books/*"),
                null, Map.of())));
        Authorizer authorizer = Authorizer.fromEnvironment(env);
        List<JsonNode> lines = capture(() -> authorizer.authorize(dotted, Tokens.METHOD_ARN));
        assertEquals("MALFORMED_TOKEN", lines.get(0).get("reason").asText());
        assertFalse(lines.get(0).has("tokenHash"), lines.get(0).toString());
        String hash = ApiKeys.sha256(dotted);
        assertFalse(lines.get(0).toString().contains(hash.substring(hash.indexOf(':') + 1, hash.indexOf(':') + 17)));
    }

    @Test
    void noTokenSignatureOrSecretEverReachesTheLog() throws Exception {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_ALGORITHMS", "RS256,HS256");
        env.put("JWT_HMAC_SECRET", TestKeys.HMAC_SECRET);
        List<String> tokens = List.of(
                Tokens.rs256(TestKeys.RSA, "rsa-1"),
                Tokens.rs256(TestKeys.RSA_2, "rsa-1"),
                Tokens.rs256(TestKeys.RSA, "unknown\n\"kid"),
                Tokens.claims().sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET)),
                Tokens.claims().sign(Algorithm.HMAC256(TestKeys.HMAC_SECRET + "wrong")),
                Tokens.raw(Map.of("alg", "none"), Tokens.payload(), "c2lnbmF0dXJl"),
                "not-a-token");
        StringBuilder all = new StringBuilder();
        List<JsonNode> lines = capture(() -> {
            Authorizer authorizer = Authorizer.fromEnvironment(env);
            for (String token : tokens) {
                authorizer.authorize("Bearer " + token, Tokens.METHOD_ARN);
            }
        });
        lines.forEach(line -> all.append(line).append('\n'));
        String log = all.toString();
        for (String token : tokens) {
            assertFalse(log.contains(token), "token in log");
            String[] parts = token.split("\\.");
            assertFalse(parts.length == 3 && log.contains(parts[2]), "signature in log");
            assertFalse(parts.length == 3 && log.contains(parts[1]), "payload in log");
        }
        assertFalse(log.contains(TestKeys.HMAC_SECRET));
        assertFalse(log.contains(TestKeys.HMAC_SECRET.substring(0, 16)));
        assertEquals(tokens.size(), lines.stream().filter(l -> l.get("event").asText().equals("decision")).count());
    }
}
