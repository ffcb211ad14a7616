package dev.jwtauthorizer.security;

import static dev.jwtauthorizer.security.Forger.ATTACKER;
import static dev.jwtauthorizer.security.Forger.EC;
import static dev.jwtauthorizer.security.Forger.EC_384;
import static dev.jwtauthorizer.security.Forger.RSA;
import static dev.jwtauthorizer.security.Forger.claims;
import static dev.jwtauthorizer.security.Forger.genuine;
import static dev.jwtauthorizer.security.Forger.payloadJson;
import static dev.jwtauthorizer.security.Forger.sign;
import static dev.jwtauthorizer.security.Forger.signRaw;
import static dev.jwtauthorizer.security.Forger.unsigned;
import static dev.jwtauthorizer.security.Forger.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.JSONStringUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.support.Bytes;
import dev.jwtauthorizer.support.JwksServer;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every known way to forge, confuse or crash a JWT verifier, tried against the real Lambda handler
 * with its keys served by a key-set endpoint on 127.0.0.1. Tokens come from nimbus-jose-jwt, never
 * from the code under test. Each case states the answer the client must get and the reason the
 * log must give; none may be an Allow, a 500, an uncaught exception or a hang.
 *
 * <p>SECURITY.md maps the checklist of RFC 8725 and the usual attack tools to these cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackSuiteTest {
    static final String METHOD_ARN = "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/books/42";
    /** No answer may take longer: a guard against hangs (each fetch has a 2 s timeout), not a speed target. */
    static final long MAX_MILLIS = 3_000;

    private static final String RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books/*\"]}]";
    private static final String POOL = "eu-west-1_AttackPool";
    private static final String COGNITO_ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/" + POOL;
    private static final String COGNITO_CLIENT = "attack-client";

    /** The configurations attacked, each as a deployed function would run. */
    enum Deployment {
        /** RS256 and ES256 from a key-set URL, with route rules. */
        STANDARD,
        /** The same, plus HS256 with a configured secret: where key confusion would bite. */
        HMAC_ALSO,
        /** Only tokens typed at+jwt (RFC 9068). */
        ACCESS_TOKENS_ONLY,
        /** A Cognito user pool accepting access tokens. */
        COGNITO
    }

    record Attack(String name, Deployment deployment, String authorization, Reason expected) {
        String expectedStatus() {
            return switch (expected.outcome()) {
                case ALLOW -> "Allow";
                case DENY -> "403";
                case UNAUTHORIZED -> "401";
                case ERROR -> "500";
            };
        }
    }

    private JwksServer keySet;
    /** Serves the attacker's key set at every path; named by jku and x5u, it must never be asked. */
    private JwksServer attackerServer;
    private final Map<Deployment, TokenAuthorizerHandler> handlers = new EnumMap<>(Deployment.class);
    /** Made once per run: signing about 200 tokens is the suite's main cost, and each lives an hour. */
    private List<Attack> attacks;

    @BeforeAll
    void deploy() throws Exception {
        keySet = new JwksServer().serve(Forger.jwks());
        attackerServer = new JwksServer().serve(new JWKSet(ATTACKER.toPublicJWK()).toString());
        for (Deployment deployment : Deployment.values()) {
            handlers.put(deployment, new TokenAuthorizerHandler(Authorizer.fromEnvironment(environment(deployment))));
        }
        attacks = makeAttacks();
    }

    @AfterAll
    void stop() {
        keySet.close();
        attackerServer.close();
    }

    private Map<String, String> environment(Deployment deployment) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_JWKS_URI", keySet.url());
        if (deployment == Deployment.COGNITO) {
            env.put("JWT_COGNITO_USER_POOL_ID", POOL);
            env.put("JWT_AUDIENCE", COGNITO_CLIENT);
            return env;
        }
        env.put("JWT_ISSUER", Forger.ISSUER);
        env.put("JWT_AUDIENCE", Forger.AUDIENCE);
        env.put("JWT_ALGORITHMS", "RS256,ES256");
        env.put("JWT_RULES", RULES);
        if (deployment == Deployment.HMAC_ALSO) {
            env.put("JWT_ALGORITHMS", "RS256,ES256,HS256");
            env.put("JWT_HMAC_SECRET", Forger.HMAC_SECRET);
        } else if (deployment == Deployment.ACCESS_TOKENS_ONLY) {
            env.put("JWT_TOKEN_TYPES", "at+jwt");
        }
        return env;
    }

    Answer answer(Attack attack) {
        return Answer.of(handlers.get(attack.deployment()), attack.authorization(), METHOD_ARN);
    }

    @TestFactory
    Stream<DynamicTest> everyAttackGetsItsStatedAnswer() {
        return attacks().stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
            Answer answer = answer(attack);
            assertEquals(attack.expectedStatus(), answer.status(), attack.name());
            assertEquals(attack.expected(), answer.reason(), attack.name());
            assertTrue(answer.millis() < MAX_MILLIS, attack.name() + " took " + answer.millis() + " ms");
        }));
    }

    @Test
    void noAttackIsAllowedOrFailsTheFunction() {
        // The list itself must hold the line: only the controls may expect an Allow, none a 500.
        for (Attack attack : attacks()) {
            if (!attack.name().startsWith("control:")) {
                assertTrue(attack.expected().outcome() == Outcome.UNAUTHORIZED, attack.name());
            }
        }
        assertTrue(attacks().size() > 100, "the suite shrank: " + attacks().size());
    }

    @Test
    void noAnswerLogsATokenASignatureASecretOrKeyMaterial() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(Forger.HMAC_SECRET, Base64URL.encode(Forger.HMAC_SECRET).toString()));
        for (JWK key : List.of(RSA, EC, EC_384, ATTACKER)) {
            // The private members of each JWK (d, p, q, dp, dq, qi) and the PKCS#8 encoding.
            Map<String, Object> members = key.toJSONObject();
            key.toPublicJWK().toJSONObject().keySet().forEach(members::remove);
            members.values().forEach(value -> secrets.add(value.toString()));
            PrivateKey privateKey = key instanceof RSAKey rsa ? rsa.toPrivateKey() : ((ECKey) key).toPrivateKey();
            secrets.add(Base64.getEncoder().encodeToString(privateKey.getEncoded()).substring(0, 40));
        }
        StringBuilder everything = new StringBuilder();
        for (Attack attack : attacks()) {
            String log = answer(attack).log();
            everything.append(log);
            assertFalse(log.isBlank(), attack.name() + ": no decision logged");
            // Header and payload segments start with eyJ ("{"); none may reach the log, nor any long segment.
            assertFalse(log.contains("eyJ"), attack.name() + ": " + log);
            for (String segment : attack.authorization().replace("Bearer ", "").split("[.\\s]")) {
                if (segment.length() >= 16) {
                    assertFalse(log.contains(segment.substring(0, 16)), attack.name() + ": a token segment was logged: " + log);
                }
            }
            for (String secret : secrets) {
                String probe = secret.length() > 24 ? secret.substring(0, 24) : secret;
                assertFalse(log.contains(probe), attack.name() + ": key material or the secret was logged");
            }
        }
        assertTrue(everything.toString().contains("\"event\":\"decision\""));
    }

    @Test
    void keyUrlsNamedByATokenAreNeverFetched() {
        for (Attack attack : attacks()) {
            if (attack.name().contains("jku") || attack.name().contains("x5u")) {
                assertEquals("401", answer(attack).status(), attack.name());
            }
        }
        assertEquals(0, attackerServer.requests());
    }

    @Test
    void aFloodOfRandomKidsCausesAtMostOneFetchPerCooldown() throws Exception {
        try (JwksServer server = new JwksServer().serve(Forger.jwks())) {
            Map<String, String> env = environment(Deployment.STANDARD);
            env.put("JWT_JWKS_URI", server.url());
            TokenAuthorizerHandler handler = new TokenAuthorizerHandler(Authorizer.fromEnvironment(env));
            assertEquals(1, server.requests());
            for (int i = 0; i < 300; i++) {
                String kid = UUID.randomUUID().toString();
                String token = sign(JWSAlgorithm.RS256, ATTACKER, claims().build(), h -> h.keyID(kid));
                Answer answer = Answer.of(handler, "Bearer " + token, METHOD_ARN);
                assertEquals(Reason.UNKNOWN_KID, answer.reason());
            }
            // The default cooldown is 30 s: this test is far shorter, so one refetch at most.
            assertTrue(server.requests() <= 2, "fetches: " + server.requests());
            assertEquals("Allow", Answer.of(handler, "Bearer " + genuine(), METHOD_ARN).status());
        }
    }

    /** Every case, controls first: the suite's oracle of what each answer must be. */
    List<Attack> attacks() {
        return attacks;
    }

    private List<Attack> makeAttacks() {
        List<Attack> cases = new ArrayList<>();
        Cases c = new Cases(cases);
        controls(c);
        unsignedAndBrokenSignatures(c);
        keyConfusion(c);
        algorithmAllowList(c);
        keysNamedByTheToken(c);
        kidInjection(c);
        claimChecks(c);
        malformed(c);
        return cases;
    }

    private static void controls(Cases c) {
        c.add("control: genuine RS256", genuine(), Reason.ROUTE_ALLOWED);
        c.add("control: genuine ES256", sign(JWSAlgorithm.ES256, EC, claims().build()), Reason.ROUTE_ALLOWED);
        c.add("control: genuine token without the scope is a 403",
                sign(JWSAlgorithm.RS256, RSA, claims().claim("scope", "books:write").build()), Reason.ROUTE_NOT_ALLOWED);
        c.on(Deployment.HMAC_ALSO).add("control: genuine HS256",
                sign(new JWSHeader(JWSAlgorithm.HS256), claims().build(), Forger.hmac(utf8(Forger.HMAC_SECRET))), Reason.ROUTE_ALLOWED);
        c.on(Deployment.ACCESS_TOKENS_ONLY).add("control: genuine at+jwt access token",
                sign(JWSAlgorithm.RS256, RSA, claims().build(), h -> h.type(new JOSEObjectType("at+jwt"))), Reason.ROUTE_ALLOWED);
        c.on(Deployment.COGNITO).add("control: genuine Cognito access token", cognito("access", COGNITO_CLIENT, null), Reason.ROUTE_ALLOWED);
        c.addRaw("control: bearer scheme in lower case", "bearer " + genuine(), Reason.ROUTE_ALLOWED);
    }

    private static void unsignedAndBrokenSignatures(Cases c) {
        String payload = payloadJson();
        for (String none : List.of("none", "None", "NONE", "nOnE")) {
            String header = "{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}";
            // Without a signature segment the token is not a compact JWS at all.
            c.add("alg " + none + ", empty signature", unsigned(header, payload, new byte[0]), Reason.MALFORMED_TOKEN);
            c.add("alg " + none + ", some signature", unsigned(header, payload, new byte[32]), Reason.ALGORITHM_NOT_ALLOWED);
            c.add("alg " + none + " with kid", unsigned("{\"alg\":\"" + none + "\",\"kid\":\"rsa-1\"}", payload, new byte[256]),
                    Reason.ALGORITHM_NOT_ALLOWED);
        }
        c.add("alg none made by nimbus (PlainJWT)", new PlainJWT(new PlainHeader(), claims().build()).serialize(), Reason.MALFORMED_TOKEN);
        c.add("alg null", unsigned("{\"alg\":null,\"kid\":\"rsa-1\"}", payload, new byte[256]), Reason.ALGORITHM_NOT_ALLOWED);
        c.add("alg missing", unsigned("{\"kid\":\"rsa-1\"}", payload, new byte[256]), Reason.ALGORITHM_NOT_ALLOWED);

        String[] parts = genuine().split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        byte[] signature = Base64URL.from(parts[2]).decode();
        c.add("empty signature", signingInput + ".", Reason.MALFORMED_TOKEN);
        c.add("signature of JSON null", signingInput + "." + Base64URL.encode("null"), Reason.BAD_SIGNATURE);
        c.add("signature of zero bytes", signingInput + "." + Base64URL.encode(new byte[256]), Reason.BAD_SIGNATURE);
        c.add("signature truncated by one byte", signingInput + "." + Base64URL.encode(Arrays.copyOf(signature, 255)), Reason.BAD_SIGNATURE);
        c.add("signature truncated to half", signingInput + "." + Base64URL.encode(Arrays.copyOf(signature, 128)), Reason.BAD_SIGNATURE);
        c.add("signature with a byte appended", signingInput + "." + Base64URL.encode(Arrays.copyOf(signature, 257)), Reason.BAD_SIGNATURE);
        for (int bit : new int[] {0, 7, 1000, 2047}) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            c.add("signature with bit " + bit + " flipped", signingInput + "." + Base64URL.encode(flipped), Reason.BAD_SIGNATURE);
        }
        String otherSignature = sign(JWSAlgorithm.RS256, RSA, claims().subject("bob").build()).split("\\.")[2];
        c.add("signature of another genuine token", signingInput + "." + otherSignature, Reason.BAD_SIGNATURE);
        c.add("payload tampered: sub admin", parts[0] + "." + Base64URL.encode(claims().subject("admin").build().toString()) + "." + parts[2],
                Reason.BAD_SIGNATURE);
        c.add("payload tampered: exp extended", parts[0] + "." + Base64URL.encode(claims()
                .expirationTime(new Date(System.currentTimeMillis() + 365L * 86_400_000)).build().toString()) + "." + parts[2],
                Reason.BAD_SIGNATURE);
        c.add("header tampered: extra member", Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":1}") + "." + parts[1] + "." + parts[2],
                Reason.BAD_SIGNATURE);
        c.add("header tampered: alg RS256 to ES256", Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\"rsa-1\"}") + "." + parts[1] + "." + parts[2],
                Reason.KEY_MISMATCH);
        c.add("header tampered: kid to ec-1", Base64URL.encode("{\"alg\":\"RS256\",\"kid\":\"ec-1\"}") + "." + parts[1] + "." + parts[2],
                Reason.KEY_MISMATCH);

        // ES256 "psychic signatures" (CVE-2022-21449): r = s = 0 passes a verifier that skips the range check.
        String es = sign(JWSAlgorithm.ES256, EC, claims().build());
        String esSigningInput = es.substring(0, es.lastIndexOf('.'));
        c.add("ES256 psychic signature: 64 zero bytes", esSigningInput + "." + Base64URL.encode(new byte[64]), Reason.BAD_SIGNATURE);
        c.add("ES256 psychic signature: DER-encoded zeros", esSigningInput + "." + Base64URL.encode(new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}),
                Reason.BAD_SIGNATURE);
        c.add("ES256 signature in DER instead of JOSE form", esSigningInput + "." + Base64URL.encode(derOf(Base64URL.from(es.substring(es.lastIndexOf('.') + 1)).decode())),
                Reason.BAD_SIGNATURE);
        c.add("ES256 signature with r and s = n", esSigningInput + "." + Base64URL.encode(twice(unsigned32(new BigInteger(
                "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16)))), Reason.BAD_SIGNATURE);

        for (Deployment deployment : List.of(Deployment.STANDARD, Deployment.HMAC_ALSO)) {
            // HMAC pads a short key with zeros, so 32 zero bytes sign exactly as an empty key does.
            Reason expected = deployment == Deployment.STANDARD ? Reason.ALGORITHM_NOT_ALLOWED : Reason.BAD_SIGNATURE;
            c.on(deployment).add("HS256 with a blank key (" + deployment + ")",
                    sign(new JWSHeader(JWSAlgorithm.HS256), claims().build(), Forger.hmac(new byte[32])), expected);
        }
    }

    private static void keyConfusion(Cases c) {
        RSAPublicKey publicKey;
        try {
            publicKey = RSA.toRSAPublicKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        byte[] der = publicKey.getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----";
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("PEM with trailing newline", utf8(pem + "\n"));
        secrets.put("PEM without trailing newline", utf8(pem));
        secrets.put("DER", der);
        secrets.put("modulus", magnitude(publicKey.getModulus()));
        secrets.put("JWK JSON", utf8(RSA.toPublicJWK().toJSONString()));
        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            for (Deployment deployment : List.of(Deployment.STANDARD, Deployment.HMAC_ALSO)) {
                Reason expected = deployment == Deployment.STANDARD ? Reason.ALGORITHM_NOT_ALLOWED : Reason.BAD_SIGNATURE;
                String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build(),
                        Forger.hmac(secret.getValue()));
                c.on(deployment).add("RS256 to HS256 confusion, public key as " + secret.getKey() + " (" + deployment + ")", token, expected);
            }
        }
        c.on(Deployment.HMAC_ALSO).add("HS256 signed with the EC public key",
                sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(), claims().build(), Forger.hmac(EC.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8))),
                Reason.BAD_SIGNATURE);
    }

    private static void algorithmAllowList(Cases c) {
        for (String alg : List.of("rs256", "RS256 ", " RS256", "RS-256", "RSA256", "RS256\u0000", "HS256", "ES256K", "EdDSA", "RSA-OAEP", "RS1")) {
            String header = "{\"alg\":" + json(alg) + ",\"kid\":\"rsa-1\"}";
            c.add("near-miss alg " + json(alg), signRaw(utf8(header), utf8(payloadJson()), JWSAlgorithm.RS256, Forger.signer(RSA)),
                    Reason.ALGORITHM_NOT_ALLOWED);
        }
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS512)) {
            c.add("validly signed " + alg + ", outside the allow-list", sign(alg, RSA, claims().build()), Reason.ALGORITHM_NOT_ALLOWED);
        }
        c.add("validly signed ES384 by an unpublished key, outside the allow-list", sign(JWSAlgorithm.ES384, EC_384, claims().build()),
                Reason.ALGORITHM_NOT_ALLOWED);
        c.add("alg as a number", unsigned("{\"alg\":256,\"kid\":\"rsa-1\"}", payloadJson(), new byte[256]), Reason.MALFORMED_TOKEN);
        c.add("alg as an array", unsigned("{\"alg\":[\"RS256\"],\"kid\":\"rsa-1\"}", payloadJson(), new byte[256]), Reason.MALFORMED_TOKEN);
        c.add("crit header naming an extension", sign(JWSAlgorithm.RS256, RSA, claims().build(), h -> h.criticalParams(Set.of("exp"))),
                Reason.UNSUPPORTED_CRITICAL_HEADER);
        // RFC 7797: nimbus writes the payload as plain JSON, which is no compact JWS segment.
        c.add("unencoded payload (b64 false, RFC 7797)", sign(JWSAlgorithm.RS256, RSA, claims().build(),
                h -> h.base64URLEncodePayload(false).criticalParams(Set.of("b64"))), Reason.MALFORMED_TOKEN);
        c.add("b64 false in crit over an encoded payload", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"b64\":false,\"crit\":[\"b64\"]}",
                payloadJson()), Reason.UNSUPPORTED_CRITICAL_HEADER);
    }

    private void keysNamedByTheToken(Cases c) {
        JWTClaimsSet claims = claims().build();
        c.add("embedded jwk, attacker's kid", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.jwk(ATTACKER.toPublicJWK())), Reason.UNKNOWN_KID);
        c.add("embedded jwk, issuer's kid", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.jwk(ATTACKER.toPublicJWK()).keyID("rsa-1")),
                Reason.BAD_SIGNATURE);
        c.add("embedded jwk, no kid", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.jwk(ATTACKER.toPublicJWK()).keyID(null)),
                Reason.KID_REQUIRED);
        // The attacker's server is on this machine and would answer; see keyUrlsNamedByATokenAreNeverFetched.
        URI attackerKeys = URI.create(attackerServer.baseUrl() + "/jwks.json");
        URI attackerCert = URI.create(attackerServer.baseUrl() + "/cert.pem");
        c.add("jku to the attacker's key set", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.jwkURL(attackerKeys)), Reason.UNKNOWN_KID);
        c.add("jku to the attacker's key set, issuer's kid", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.jwkURL(attackerKeys).keyID("rsa-1")),
                Reason.BAD_SIGNATURE);
        c.add("x5u to the attacker's certificate", sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.x509CertURL(attackerCert)), Reason.UNKNOWN_KID);
        c.add("x5u to the attacker's certificate, issuer's kid",
                sign(JWSAlgorithm.RS256, ATTACKER, claims, h -> h.x509CertURL(attackerCert).keyID("rsa-1")), Reason.BAD_SIGNATURE);
        c.add("kid names the EC key, token is RS256", sign(JWSAlgorithm.RS256, RSA, claims, h -> h.keyID("ec-1")), Reason.KEY_MISMATCH);
        c.add("kid names the RSA key, token is ES256", sign(JWSAlgorithm.ES256, EC, claims, h -> h.keyID("rsa-1")), Reason.KEY_MISMATCH);
        c.add("no kid while the set has two keys", sign(JWSAlgorithm.RS256, RSA, claims, h -> h.keyID(null)), Reason.KID_REQUIRED);
    }

    private static void kidInjection(Cases c) {
        List<String> kids = List.of("../../../../../../etc/passwd", "..\\..\\windows\\win.ini", "/dev/zero", "file:///etc/passwd",
                "http://127.0.0.1:1/keys", "' OR '1'='1' --", "rsa-1' OR 'a'='a", "\"; DROP TABLE keys; --", "{\"$ne\":null}",
                "x".repeat(3000), "rsa-1\u0000", "rsa-1\r\n{\"level\":\"INFO\",\"event\":\"decision\",\"outcome\":\"ALLOW\"}",
                "\u001b[31mred", "ключ-🔑", "rsa\u20121", "RSA-1", "rsa-1 ", "", "%00", "${jndi:ldap://127.0.0.1:1/a}");
        for (String kid : kids) {
            String shown = kid.length() > 40 ? kid.length() + " characters" : json(kid);
            c.add("kid injection " + shown, sign(JWSAlgorithm.RS256, RSA, claims().build(), h -> h.keyID(kid)), Reason.UNKNOWN_KID);
        }
        c.add("kid as a number", signRaw("{\"alg\":\"RS256\",\"kid\":1}", payloadJson()), Reason.MALFORMED_TOKEN);
        c.add("kid as an object", signRaw("{\"alg\":\"RS256\",\"kid\":{\"$ne\":null}}", payloadJson()), Reason.MALFORMED_TOKEN);
    }

    private static void claimChecks(Cases c) {
        long now = System.currentTimeMillis();
        c.add("no exp", sign(JWSAlgorithm.RS256, RSA, claims().expirationTime(null).build()), Reason.MISSING_EXPIRY);
        c.add("expired an hour ago", sign(JWSAlgorithm.RS256, RSA, claims().issueTime(new Date(now - 7_200_000))
                .expirationTime(new Date(now - 3_600_000)).build()), Reason.EXPIRED);
        c.add("expired beyond the leeway", sign(JWSAlgorithm.RS256, RSA, claims().expirationTime(new Date(now - 30_000)).build()), Reason.EXPIRED);
        c.add("exp 0", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadSetting("exp", "0")), Reason.EXPIRED);
        c.add("nbf in the future", sign(JWSAlgorithm.RS256, RSA, claims().notBeforeTime(new Date(now + 600_000)).build()), Reason.NOT_YET_VALID);
        c.add("iat in the future", sign(JWSAlgorithm.RS256, RSA, claims().issueTime(new Date(now + 600_000)).build()), Reason.ISSUED_IN_FUTURE);
        c.add("wrong issuer", sign(JWSAlgorithm.RS256, RSA, claims().issuer("https://evil.example").build()), Reason.WRONG_ISSUER);
        c.add("missing issuer", sign(JWSAlgorithm.RS256, RSA, claims().issuer(null).build()), Reason.WRONG_ISSUER);
        c.add("issuer with a trailing slash", sign(JWSAlgorithm.RS256, RSA, claims().issuer(Forger.ISSUER + "/").build()), Reason.WRONG_ISSUER);
        c.add("issuer in another case", sign(JWSAlgorithm.RS256, RSA, claims().issuer(Forger.ISSUER.toUpperCase()).build()), Reason.WRONG_ISSUER);
        c.add("issuer with the real one as prefix", sign(JWSAlgorithm.RS256, RSA, claims().issuer(Forger.ISSUER + ".evil.example").build()),
                Reason.WRONG_ISSUER);
        c.add("wrong audience", sign(JWSAlgorithm.RS256, RSA, claims().audience("other-api").build()), Reason.WRONG_AUDIENCE);
        c.add("missing audience", sign(JWSAlgorithm.RS256, RSA, claims().audience((String) null).build()), Reason.WRONG_AUDIENCE);
        c.add("empty audience list", sign(JWSAlgorithm.RS256, RSA, claims().audience(List.of()).build()), Reason.WRONG_AUDIENCE);
        c.add("audience differing in case", sign(JWSAlgorithm.RS256, RSA, claims().audience("BOOKS-API").build()), Reason.WRONG_AUDIENCE);
        c.add("no subject", sign(JWSAlgorithm.RS256, RSA, claims().subject(null).build()), Reason.MISSING_PRINCIPAL);
        c.on(Deployment.ACCESS_TOKENS_ONLY).add("ID token (typ JWT) where access tokens are required",
                sign(JWSAlgorithm.RS256, RSA, claims().build(), h -> h.type(JOSEObjectType.JWT)), Reason.WRONG_TOKEN_TYPE);
        c.on(Deployment.ACCESS_TOKENS_ONLY).add("token without typ where access tokens are required", genuine(), Reason.WRONG_TOKEN_TYPE);
        c.on(Deployment.COGNITO).add("Cognito ID token presented as an access token", cognito("id", null, COGNITO_CLIENT), Reason.WRONG_TOKEN_USE);
        c.on(Deployment.COGNITO).add("Cognito access token of another app client", cognito("access", "other-client", null), Reason.WRONG_CLIENT_ID);
        c.on(Deployment.COGNITO).add("Cognito token without token_use", cognito(null, COGNITO_CLIENT, null), Reason.WRONG_TOKEN_USE);
    }

    private static void malformed(Cases c) {
        String token = genuine();
        String[] parts = token.split("\\.");
        c.add("1 segment", parts[0], Reason.MALFORMED_TOKEN);
        c.add("2 segments", parts[0] + "." + parts[1], Reason.MALFORMED_TOKEN);
        c.add("4 segments", token + "." + parts[2], Reason.MALFORMED_TOKEN);
        c.add("5 segments (JWE shape)", parts[0] + ".." + parts[1] + "." + parts[2] + "." + parts[2], Reason.MALFORMED_TOKEN);
        c.add("5 non-empty segments", token + "." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
        c.add("empty header segment", "." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
        c.add("empty payload segment", parts[0] + ".." + parts[2], Reason.MALFORMED_TOKEN);
        for (String bad : List.of("+", "/", "%2B", " ", "*", "\t", "é")) {
            c.add("non-base64url character " + json(bad) + " in the payload", parts[0] + "." + parts[1] + bad + "." + parts[2], Reason.MALFORMED_TOKEN);
        }
        c.add("base64 padding on the signature", token + "==", Reason.MALFORMED_TOKEN);
        c.add("base64 padding on the header", parts[0] + "=." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
        c.add("header segment of impossible length", parts[0].substring(0, 5) + "." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
        for (String header : List.of("null", "[]", "\"RS256\"", "42", "true", "{", "{}x", "", " ")) {
            c.add("header JSON " + json(header), Base64URL.encode(header) + "." + parts[1] + "." + parts[2], Reason.MALFORMED_TOKEN);
        }
        for (String payload : List.of("null", "[]", "\"alice\"", "42", "{", "not json")) {
            c.add("payload JSON " + json(payload), signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payload), Reason.MALFORMED_TOKEN);
        }
        // Genuinely signed, but parsers disagree on which duplicate wins: refused rather than guessed.
        c.add("duplicate alg in the header", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"alg\":\"none\"}", payloadJson()),
                Reason.MALFORMED_TOKEN);
        c.add("duplicate kid in the header", signRaw("{\"alg\":\"RS256\",\"kid\":\"other\",\"kid\":\"rsa-1\"}", payloadJson()),
                Reason.MALFORMED_TOKEN);
        c.add("duplicate sub in the payload", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadWithDuplicate("\"sub\":\"admin\"")),
                Reason.MALFORMED_TOKEN);
        c.add("duplicate scope in a nested object", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                payloadWithDuplicate("\"realm\":{\"roles\":[\"a\"],\"roles\":[\"admin\"]}")), Reason.MALFORMED_TOKEN);
        c.add("deeply nested claim (2000 arrays)", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                payloadWithDuplicate("\"deep\":" + "[".repeat(2000) + "]".repeat(2000))), Reason.MALFORMED_TOKEN);
        c.add("deeply nested header (1500 arrays)", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":" + "[".repeat(1500)
                + "]".repeat(1500) + "}", payloadJson()), Reason.MALFORMED_TOKEN);
        byte[] invalidUtf8 = Bytes.concat(utf8(payloadJson().substring(0, payloadJson().length() - 1) + ",\"name\":\""),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, utf8("\"}"));
        c.add("invalid UTF-8 in the payload", signRaw(utf8("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}"), invalidUtf8, JWSAlgorithm.RS256,
                Forger.signer(RSA)), Reason.MALFORMED_TOKEN);
        c.add("invalid UTF-8 in the header", signRaw(Bytes.concat(utf8("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"x\":\""), new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, utf8("\"}")), utf8(payloadJson()), JWSAlgorithm.RS256, Forger.signer(RSA)), Reason.MALFORMED_TOKEN);
        c.add("byte order mark before the payload", signRaw(utf8("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}"),
                Bytes.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(payloadJson())), JWSAlgorithm.RS256, Forger.signer(RSA)),
                Reason.MALFORMED_TOKEN);
        String[][] wrongTypes = {{"exp", "\"tomorrow\""}, {"exp", "1e400"}, {"exp", "99999999999999999999999999"}, {"exp", "true"},
            {"exp", "[1]"}, {"exp", "-1e400"}, {"iat", "\"now\""}, {"nbf", "{}"}, {"aud", "42"}, {"aud", "[42]"}, {"aud", "{}"},
            {"iss", "[\"" + Forger.ISSUER + "\"]"}, {"iss", "42"}};
        for (String[] claim : wrongTypes) {
            c.add("claim of the wrong JSON type: " + claim[0] + " " + claim[1],
                    signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadSetting(claim[0], claim[1])), Reason.MALFORMED_TOKEN);
        }
        c.add("exp null", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadSetting("exp", "null")), Reason.MISSING_EXPIRY);
        c.add("iss null", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadSetting("iss", "null")), Reason.WRONG_ISSUER);
        c.add("sub as an object", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}", payloadSetting("sub", "{\"id\":\"alice\"}")),
                Reason.MALFORMED_TOKEN);
        c.add("typ as a number", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":1}", payloadJson()), Reason.MALFORMED_TOKEN);
        c.add("control: claims nested 31 deep are still read", signRaw("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}",
                payloadWithDuplicate("\"deep\":" + "[".repeat(30) + "]".repeat(30))), Reason.ROUTE_ALLOWED);
        c.add("oversized token (over 8192 characters)", sign(JWSAlgorithm.RS256, RSA, claims().claim("pad", "x".repeat(6500)).build()),
                Reason.TOKEN_TOO_LARGE);
        c.addRaw("empty Authorization value", "", Reason.MISSING_TOKEN);
        c.addRaw("scheme without a token", "Bearer ", Reason.MISSING_TOKEN);
        c.addRaw("two spaces after the scheme", "Bearer  " + token, Reason.MALFORMED_TOKEN);
        c.addRaw("another scheme", "Basic " + token, Reason.MALFORMED_TOKEN);
        c.addRaw("two tokens", "Bearer " + token + " " + token, Reason.MALFORMED_TOKEN);
        c.addRaw("token and a trailing newline", "Bearer " + token + "\n", Reason.MALFORMED_TOKEN);
    }

    /** The standard claims with one more member written after them, a duplicate when they have it. */
    private static String payloadWithDuplicate(String member) {
        String payload = payloadJson();
        return payload.substring(0, payload.length() - 1) + "," + member + "}";
    }

    /** The standard claims with one claim's value replaced by this JSON text. */
    private static String payloadSetting(String claim, String json) {
        Map<String, Object> claims = new HashMap<>(claims().build().toJSONObject());
        claims.remove(claim);
        String rest = JSONObjectUtils.toJSONString(claims);
        return rest.substring(0, rest.length() - 1) + ",\"" + claim + "\":" + json + "}";
    }

    private static String cognito(String tokenUse, String clientId, String audience) {
        JWTClaimsSet.Builder claims = claims().issuer(COGNITO_ISSUER).audience(audience).claim("scope", null);
        if (tokenUse != null) {
            claims.claim("token_use", tokenUse);
        }
        if (clientId != null) {
            claims.claim("client_id", clientId);
        }
        return sign(JWSAlgorithm.RS256, RSA, claims.build());
    }

    private static String json(String text) {
        return JSONStringUtils.toJSONString(text);
    }

    private static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = magnitude(value);
        byte[] padded = new byte[32];
        System.arraycopy(bytes, 0, padded, 32 - bytes.length, bytes.length);
        return padded;
    }

    private static byte[] twice(byte[] half) {
        return Bytes.concat(half, half);
    }

    /** A JOSE (r || s) ECDSA signature in the ASN.1 DER form Java's Signature expects. */
    private static byte[] derOf(byte[] jose) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, 32)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).toByteArray();
        byte[] body = Bytes.concat(new byte[] {0x02, (byte) r.length}, r, new byte[] {0x02, (byte) s.length}, s);
        return Bytes.concat(new byte[] {0x30, (byte) body.length}, body);
    }

    /** Collects cases, each against the STANDARD deployment unless {@link #on} names another. */
    private static final class Cases {
        private final List<Attack> cases;
        private Deployment deployment = Deployment.STANDARD;

        Cases(List<Attack> cases) {
            this.cases = cases;
        }

        /** The next case only runs against this deployment. */
        Cases on(Deployment next) {
            this.deployment = next;
            return this;
        }

        void add(String name, String token, Reason expected) {
            addRaw(name, "Bearer " + token, expected);
        }

        void addRaw(String name, String authorization, Reason expected) {
            cases.add(new Attack(name, deployment, authorization, expected));
            deployment = Deployment.STANDARD;
        }
    }
}
