package dev.jwtauthorizer;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.apikeys.ApiKeyHash;
import dev.jwtauthorizer.apikeys.DigestAlgorithm;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.keys.JwkExport;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.token.JwsSigner;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warms the request path with throw-away keys and tokens: a second authorizer that trusts only
 * keys made here and discarded with it, fed events of every kind (so reading each kind, each token
 * source and each answer shape is loaded too). When the real authorizer takes API keys, the
 * second one takes throw-away keys as well, right and wrong ones, so digesting and comparing are
 * warm. The real authorizer then answers one malformed token (and one malformed API key, which is
 * refused before any digest, so it costs no fetch of the key list), so its own path (and its
 * logging) is loaded as well. Nothing made here survives into the decisions of the real one, and
 * nothing reaches the log but one "primed" line.
 *
 * <p>The user's custom check (JWT_CUSTOM_CHECK) is never called here: the second authorizer has
 * none, and the real one is only sent credentials refused before any check runs. User code may have
 * side effects (a call to a policy service, a counter, an audit record), and throw-away principals
 * must not reach them.
 */
final class Priming {
    private static final String ISSUER = "https://priming.invalid";
    private static final String AUDIENCE = "priming";
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:000000000000:priming/prime/GET/prime";
    private static final String CONNECT_ARN = "arn:aws:execute-api:us-east-1:000000000000:priming/prime/$connect";
    private static final int ROUNDS = 200;

    private Priming() {
    }

    static void run(Authorizer real) {
        long start = System.nanoTime();
        try {
            JsonLog.silently(() -> warm(real));
            JsonLog.info("primed", "millis", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // Priming is an optimisation: a failure here must not stop the snapshot or the function.
            JsonLog.warn("priming_failed", "exception", e.getClass().getName());
        }
    }

    private static void warm(Authorizer real) {
        KeyPair rsa = generate("RSA", null);
        KeyPair ec = generate("EC", new ECGenParameterSpec("secp256r1"));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", ISSUER);
        env.put("JWT_AUDIENCE", AUDIENCE);
        env.put("JWT_ALGORITHMS", "RS256,ES256,HS256");
        env.put("JWT_JWKS", JwkExport.keySet(
                JwkExport.publicJwk(rsa.getPublic(), "rsa", "RS256"), JwkExport.publicJwk(ec.getPublic(), "ec", "ES256")));
        env.put("JWT_HMAC_SECRET", "base64:" + Base64.getEncoder().encodeToString(secret));
        env.put("JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"prime\",\"allow\":[\"GET /prime\",\"$connect\"]}]");
        env.put("JWT_CONTEXT_CLAIMS", "sub,scope");
        env.put("JWT_TOKEN_SOURCES", "header:Authorization,cookie:prime,query:prime,protocol:prime");
        String apiKey = "prime-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        if (real.acceptsApiKeys()) {
            env.put("JWT_API_KEYS", "{\"keys\":[" + apiKeyEntry("prime", ApiKeyHash.sha256(apiKey))
                    + "," + apiKeyEntry("prime-512", ApiKeyHash.of(DigestAlgorithm.SHA512, apiKey + "-512")) + "]}");
            env.put("JWT_API_KEY_SOURCES", "header:x-api-key,header:Authorization");
        }
        Authorizer primer = Authorizer.create(AuthorizerConfig.fromEnvironment(env), Clock.systemUTC(), System::nanoTime,
                Runnable::run);
        List<String> tokens = List.of(
                token("rsa", Algorithm.RSA256((RSAPublicKey) rsa.getPublic(), (RSAPrivateKey) rsa.getPrivate())),
                token("ec", Algorithm.ECDSA256((ECPublicKey) ec.getPublic(), (ECPrivateKey) ec.getPrivate())),
                token(null, Algorithm.HMAC256(secret)));
        for (int i = 0; i < ROUNDS; i++) {
            for (String token : tokens) {
                primer.authorize(tokenEvent("Bearer " + token));
            }
            primer.authorize(tokenEvent("Bearer e30.e30.AAAA"));
        }
        for (int i = 0; i < ROUNDS / 10; i++) {
            for (String token : tokens) {
                primer.authorize(requestEvent(token));
                primer.authorize(httpApiEvent(token));
                primer.authorize(webSocketEvent(token));
            }
        }
        if (real.acceptsApiKeys()) {
            for (int i = 0; i < ROUNDS; i++) {
                primer.authorize(tokenEvent(apiKey));
                primer.authorize(tokenEvent("Bearer " + apiKey + "-512"));
                primer.authorize(tokenEvent(apiKey + "-wrong"));
            }
            for (int i = 0; i < ROUNDS / 10; i++) {
                primer.authorize(apiKeyEvent(METHOD_ARN, apiKey));
                primer.authorize(apiKeyEvent(CONNECT_ARN, apiKey));
                primer.authorize(Map.of("version", "2.0", "type", "REQUEST", "routeArn", METHOD_ARN, "routeKey", "GET /prime",
                        "headers", Map.of("x-api-key", apiKey)));
            }
            real.authorize(tokenEvent("prime\u0001"));
        }
        if (real.acceptsJwts()) {
            real.authorize(tokenEvent("Bearer e30.e30.AAAA"));
            real.authorize(httpApiEvent("e30.e30.AAAA"));
        }
    }

    private static String apiKeyEntry(String id, String hash) {
        return "{\"id\":\"" + id + "\",\"hash\":\"" + hash + "\",\"principal\":\"primer\","
                + "\"allow\":[\"GET /prime\",\"$connect\"],\"context\":{\"tier\":\"prime\"}}";
    }

    private static Map<String, Object> apiKeyEvent(String methodArn, String apiKey) {
        return Map.of("type", "REQUEST", "methodArn", methodArn, "headers", Map.of("x-api-key", apiKey),
                "multiValueHeaders", Map.of("x-api-key", List.of(apiKey)));
    }

    private static Map<String, Object> tokenEvent(String authorization) {
        return Map.of("type", "TOKEN", "authorizationToken", authorization, "methodArn", METHOD_ARN);
    }

    private static Map<String, Object> requestEvent(String token) {
        return Map.of("type", "REQUEST", "methodArn", METHOD_ARN,
                "headers", Map.of("Authorization", "Bearer " + token, "Cookie", "other=1; prime=" + token),
                "multiValueHeaders", Map.of("Authorization", List.of("Bearer " + token)),
                "queryStringParameters", Map.of("prime", token));
    }

    private static Map<String, Object> httpApiEvent(String token) {
        return Map.of("version", "2.0", "type", "REQUEST", "routeArn", METHOD_ARN, "routeKey", "GET /prime",
                "headers", Map.of("authorization", "Bearer " + token), "cookies", List.of("prime=" + token));
    }

    private static Map<String, Object> webSocketEvent(String token) {
        return Map.of("type", "REQUEST", "methodArn", CONNECT_ARN,
                "headers", Map.of("Sec-WebSocket-Protocol", "prime, " + token), "queryStringParameters", Map.of("prime", token));
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (spec != null) {
                generator.initialize(spec);
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK makes RSA and P-256 keys", e);
        }
    }

    private static String token(String kid, Algorithm algorithm) {
        long now = Instant.now().getEpochSecond();
        return JwsSigner.sign(algorithm, kid, Map.of(
                "iss", ISSUER, "aud", AUDIENCE, "sub", "primer", "scope", "prime", "iat", now, "exp", now + 3600));
    }
}
