package dev.jwtauthorizer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.support.LogCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One issuer's key material never verifies another issuer's tokens, whatever kind of source each
 * one's keys come from: two JWT_ISSUERS entries for every pair of source kinds (the same kind twice
 * included), each with its own keys, audience and rules, and every key set using the same kid. Each
 * issuer's genuine token is allowed; a token naming one issuer but signed with the other's key or
 * secret is a 401. Tokens are made by nimbus-jose-jwt and sent through the real handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerIsolationTest {
    /** Every key set publishes its key under this kid: a lookup by kid alone would cross issuers. */
    private static final String KID = "signing-key";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where an issuer entry's key material comes from. */
    enum Kind {
        INLINE, FILE, URL, DISCOVERY, COGNITO, SECRET, SECRETS_MANAGER;

        boolean usesSecret() {
            return this == SECRET || this == SECRETS_MANAGER;
        }
    }

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private HttpServer server;
    @TempDir
    Path files;

    @BeforeAll
    void startEndpoints() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = documents.get(path);
            if (path.equals("/secretsmanager/get")) {
                String query = exchange.getRequestURI().getRawQuery();
                String id = URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
                body = secrets.containsKey(id) ? json(Map.of("Name", id, "SecretString", secrets.get(id))) : null;
            }
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterAll
    void stopEndpoints() {
        server.stop(0);
    }

    @TestFactory
    Stream<DynamicTest> noIssuerCanVouchForAnotherWhateverItsKeySource() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Kind first : Kind.values()) {
            for (Kind second : Kind.values()) {
                tests.add(DynamicTest.dynamicTest(first + " and " + second, () -> checkPair(first, second)));
            }
        }
        return tests.stream();
    }

    private void checkPair(Kind firstKind, Kind secondKind) throws Exception {
        Issuer first = issuer(firstKind, "a");
        Issuer second = issuer(secondKind, "b");
        TokenAuthorizerHandler handler = handler(first, second);

        for (Issuer genuine : List.of(first, second)) {
            Answer answer = Answer.of(handler, "Bearer " + genuine.sign(genuine.claims()), genuine.methodArn());
            assertEquals("Allow", answer.status(), genuine + "'s own token: " + answer.log());
        }
        for (Issuer[] pair : List.of(new Issuer[] {first, second}, new Issuer[] {second, first})) {
            Issuer signer = pair[0];
            Issuer named = pair[1];
            Answer answer = Answer.of(handler, "Bearer " + signer.sign(named.claims()), named.methodArn());
            assertEquals("401", answer.status(), named + " named, " + signer + " signed: " + answer.log());
        }
    }

    @Test
    void entriesNamingTheSameKeySetUrlShareOneFetch() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID(KID).generate();
        documents.put("/shared/jwks.json", "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");
        String url = baseUrl() + "/shared/jwks.json";
        List<Map<String, Object>> entries = List.of(
                Map.of("issuer", "https://one.example", "audiences", List.of("api"), "jwksUri", url),
                Map.of("issuer", "https://two.example", "audiences", List.of("api"), "jwksUri", url));
        int before = count("/shared/jwks.json");

        TokenAuthorizerHandler handler = new TokenAuthorizerHandler(
                LogCapture.discard(() -> Authorizer.fromEnvironment(Map.of("JWT_ISSUERS", json(entries)))));

        assertEquals(1, count("/shared/jwks.json") - before);
        for (String iss : List.of("https://one.example", "https://two.example")) {
            JWTClaimsSet claims = standard(iss, "api").build();
            String token = signRsa(key, claims);
            assertEquals("Allow", Answer.of(handler, "Bearer " + token, arn("GET", "/anything")).status());
        }
        assertEquals(1, count("/shared/jwks.json") - before);
    }

    /** One configured issuer: its entry, its key or secret, and what its rules grant. */
    private final class Issuer {
        final Kind kind;
        final String name;
        final String iss;
        final String audience;
        final RSAKey key;
        final byte[] secret;
        final Map<String, Object> entry = new LinkedHashMap<>();

        Issuer(Kind kind, String slot) throws JOSEException {
            this.kind = kind;
            this.name = kind + "-" + slot;
            String path = "/" + kind.name().toLowerCase() + "-" + slot + "-" + RANDOM.nextInt(1_000_000);
            String pool = "eu-west-1_Pool" + slot + RANDOM.nextInt(1_000_000);
            this.iss = switch (kind) {
                case DISCOVERY -> baseUrl() + path;
                case COGNITO -> "https://cognito-idp.eu-west-1.amazonaws.com/" + pool;
                default -> "https://" + name.toLowerCase() + ".example";
            };
            this.audience = "client-" + slot;
            this.key = kind.usesSecret() ? null : new RSAKeyGenerator(2048).keyID(KID).generate();
            this.secret = new byte[32];
            RANDOM.nextBytes(secret);
            if (kind == Kind.COGNITO) {
                entry.put("cognitoUserPoolId", pool);
            } else {
                entry.put("issuer", iss);
            }
            entry.put("audiences", List.of(audience));
            entry.put("algorithms", kind.usesSecret() ? "HS256" : "RS256");
            entry.put("rules", List.of(Map.of("claim", "scope", "value", "read", "allow", List.of("GET /" + slot + "/*"))));
            String jwks = key == null ? null : "{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}";
            String secretText = "base64:" + Base64.getEncoder().encodeToString(secret);
            switch (kind) {
                case INLINE -> entry.put("jwks", parse(jwks));
                case FILE -> entry.put("jwksUri", "file:" + write(path, jwks));
                case URL, COGNITO -> {
                    documents.put(path + "/jwks.json", jwks);
                    entry.put("jwksUri", baseUrl() + path + "/jwks.json");
                }
                case DISCOVERY -> {
                    documents.put(path + "/.well-known/openid-configuration",
                            json(Map.of("issuer", iss, "jwks_uri", baseUrl() + path + "/keys")));
                    documents.put(path + "/keys", jwks);
                }
                case SECRET -> entry.put("hmacSecret", secretText);
                case SECRETS_MANAGER -> {
                    String id = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + path.substring(1);
                    secrets.put(id, secretText);
                    entry.put("hmacSecretId", id);
                }
            }
        }

        /** This issuer's claims (Cognito's token_use and client_id included), with scope read. */
        JWTClaimsSet claims() {
            return standard(iss, audience).claim("token_use", "access").claim("client_id", audience).build();
        }

        String methodArn() {
            return arn("GET", "/" + name.substring(name.length() - 1) + "/1");
        }

        /** Signed with this issuer's own key or secret, whatever the claims say. */
        String sign(JWTClaimsSet claims) throws JOSEException {
            if (kind.usesSecret()) {
                SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            }
            return signRsa(key, claims);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Issuer issuer(Kind kind, String slot) throws JOSEException {
        return new Issuer(kind, slot);
    }

    private TokenAuthorizerHandler handler(Issuer first, Issuer second) {
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUERS", json(List.of(first.entry, second.entry)));
        env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(server.getAddress().getPort()));
        env.put("AWS_SESSION_TOKEN", "session-token");
        env.put("JWT_SECRETS_VIA", "extension");
        return new TokenAuthorizerHandler(LogCapture.discard(() -> Authorizer.fromEnvironment(env)));
    }

    private static JWTClaimsSet.Builder standard(String iss, String audience) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(iss).audience(audience).subject("alice")
                .issueTime(new Date(now)).expirationTime(new Date(now + 3_600_000)).claim("scope", "read");
    }

    private static String signRsa(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String arn(String verb, String path) {
        return "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/" + verb + path;
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private int count(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private String write(String name, String content) {
        try {
            Path file = files.resolve(name.substring(1) + ".json");
            Files.writeString(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
