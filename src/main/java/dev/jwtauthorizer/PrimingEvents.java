package dev.jwtauthorizer;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.apikeys.ApiKeyHash;
import dev.jwtauthorizer.apikeys.DigestAlgorithm;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.HttpApiResponse;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwkExport;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.token.JwsSigner;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Priming's throw-away world: keys made here for each algorithm the real authorizer allows, the
 * configuration of a second authorizer that trusts only them, and the events (as JSON text, the way
 * they reach the runtime) of every kind, carrying tokens of every algorithm, good and bad, and API
 * keys when the real authorizer takes them. Nothing made here outlives priming.
 */
final class PrimingEvents {
    static final String ISSUER = "https://priming.invalid";
    private static final String AUDIENCE = "priming";
    // An API id and stage with digits, as real ones have: a character class priming never saw in an
    // ARN is a deoptimisation at the first real request after the snapshot.
    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:000000000000:pr1m1ng0ab/prime_1/GET/prime/1";
    private static final String CONNECT_ARN = "arn:aws:execute-api:us-east-1:000000000000:pr1m1ng0ab/prime_1/$connect";
    private static final String MALFORMED = "e30.e30.AAAA";

    final Map<String, String> environment = new HashMap<>();
    /** Events sent every round: a TOKEN event per algorithm (and per API key digest), a malformed token. */
    final List<String> everyRound = new ArrayList<>();
    /** Per event kind, its variants (one per algorithm, malformed, API key): one of each list per round, in turn. */
    final List<List<String>> inTurn = new ArrayList<>();

    /**
     * @param plain   the settings left at their defaults (no rules, no context claims, the token in
     *                the Authorization header only), as many functions run; else all of them set
     * @param apiKeys API keys too (never with plain)
     */
    PrimingEvents(Set<JwsAlgorithm> algorithms, HttpApiResponse httpApiResponse, boolean plain, boolean apiKeys) {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        Map<JwsAlgorithm, String> tokens = tokens(algorithms, secret);
        environment.put("JWT_ISSUER", ISSUER);
        environment.put("JWT_AUDIENCE", AUDIENCE);
        environment.put("JWT_ALGORITHMS", String.join(",", names(tokens.keySet())));
        environment.put("JWT_HMAC_SECRET", "base64:" + Base64.getEncoder().encodeToString(secret));
        if (!plain) {
            environment.put("JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"prime\",\"allow\":[\"GET /prime\",\"$connect\"]}]");
            environment.put("JWT_CONTEXT_CLAIMS", "sub,scope");
            environment.put("JWT_TOKEN_SOURCES", "header:Authorization,cookie:prime,query:prime,protocol:prime");
        }
        environment.put("JWT_HTTP_API_RESPONSE", httpApiResponse == HttpApiResponse.POLICY ? "policy" : "simple");
        if (!tokens.containsKey(JwsAlgorithm.HS256) && !tokens.containsKey(JwsAlgorithm.HS384)
                && !tokens.containsKey(JwsAlgorithm.HS512)) {
            environment.remove("JWT_HMAC_SECRET");
        }
        List<String> request = new ArrayList<>();
        List<String> httpV1 = new ArrayList<>();
        List<String> httpV2 = new ArrayList<>();
        List<String> webSocket = new ArrayList<>();
        List<String> compacts = new ArrayList<>(tokens.values());
        compacts.add(MALFORMED);
        for (String token : compacts) {
            everyRound.add(tokenEvent("Bearer " + token));
            request.add(requestEvent(token));
            httpV1.add(httpApiV1Event(token));
            httpV2.add(httpApiV2Event(token));
            webSocket.add(webSocketEvent(token));
        }
        if (apiKeys && !plain) {
            String apiKey = "prime-" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            environment.put("JWT_API_KEYS", "{\"keys\":[" + apiKeyEntry("prime", ApiKeyHash.sha256(apiKey))
                    + "," + apiKeyEntry("prime-512", ApiKeyHash.of(DigestAlgorithm.SHA512, apiKey + "-512")) + "]}");
            environment.put("JWT_API_KEY_SOURCES", "header:x-api-key,header:Authorization");
            everyRound.add(tokenEvent(apiKey));
            everyRound.add(tokenEvent("Bearer " + apiKey + "-512"));
            everyRound.add(tokenEvent(apiKey + "-wrong"));
            request.add(apiKeyEvent(METHOD_ARN, apiKey));
            webSocket.add(apiKeyEvent(CONNECT_ARN, apiKey));
            httpV2.add(Json.write(Map.of("version", "2.0", "type", "REQUEST", "routeArn", METHOD_ARN, "routeKey", "GET /prime",
                    "headers", Map.of("x-api-key", apiKey))));
        }
        inTurn.add(request);
        inTurn.add(httpV1);
        inTurn.add(httpV2);
        inTurn.add(webSocket);
    }

    /** The algorithms the real authorizer allows, or RS256 when it allows none (API keys only). */
    static Set<JwsAlgorithm> algorithmsOf(AuthorizerConfig config) {
        Set<JwsAlgorithm> algorithms = EnumSet.noneOf(JwsAlgorithm.class);
        for (IssuerConfig issuer : config.issuers()) {
            algorithms.addAll(issuer.algorithms());
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JwsAlgorithm.RS256);
        }
        return algorithms;
    }

    /** Malformed tokens of two kinds, refused before any key or check: for the real authorizer's own path. */
    static List<String> malformed() {
        return List.of(tokenEvent("Bearer " + MALFORMED), httpApiV2Event(MALFORMED));
    }

    /** An API key refused before any digest (so no fetch of a key list): for the real authorizer. */
    static String malformedApiKey() {
        return tokenEvent("prime\u0001");
    }

    private Map<JwsAlgorithm, String> tokens(Set<JwsAlgorithm> algorithms, byte[] secret) {
        Map<JwsAlgorithm, String> tokens = new EnumMap<>(JwsAlgorithm.class);
        List<Map<String, Object>> jwks = new ArrayList<>();
        KeyPair rsa = null;
        Map<String, KeyPair> ec = new HashMap<>();
        for (JwsAlgorithm algorithm : algorithms) {
            String kid = algorithm.name().toLowerCase(Locale.ROOT);
            Algorithm signer;
            if (algorithm.family() == KeyFamily.HMAC) {
                signer = hmac(algorithm, secret);
                kid = null;
            } else if (algorithm.family() == KeyFamily.RSA) {
                rsa = rsa != null ? rsa : generate("RSA", null);
                signer = rsa(algorithm, (RSAPublicKey) rsa.getPublic(), (RSAPrivateKey) rsa.getPrivate());
                jwks.add(JwkExport.publicJwk(rsa.getPublic(), kid, algorithm.name()));
            } else {
                KeyPair pair = ec.computeIfAbsent(algorithm.curve(), curve -> generate("EC", new ECGenParameterSpec(jcaCurve(curve))));
                signer = ecdsa(algorithm, (ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
                jwks.add(JwkExport.publicJwk(pair.getPublic(), kid, algorithm.name()));
            }
            tokens.put(algorithm, token(kid, signer));
        }
        if (!jwks.isEmpty()) {
            environment.put("JWT_JWKS", Json.write(Map.of("keys", jwks)));
        }
        return tokens;
    }

    private static List<String> names(Set<JwsAlgorithm> algorithms) {
        List<String> names = new ArrayList<>();
        for (JwsAlgorithm algorithm : algorithms) {
            names.add(algorithm.name());
        }
        return names;
    }

    private static String jcaCurve(String jwkCurve) {
        return switch (jwkCurve) {
            case "P-384" -> "secp384r1";
            case "P-521" -> "secp521r1";
            default -> "secp256r1";
        };
    }

    private static Algorithm hmac(JwsAlgorithm algorithm, byte[] secret) {
        return switch (algorithm) {
            case HS384 -> Algorithm.HMAC384(secret);
            case HS512 -> Algorithm.HMAC512(secret);
            default -> Algorithm.HMAC256(secret);
        };
    }

    private static Algorithm rsa(JwsAlgorithm algorithm, RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        return switch (algorithm) {
            case RS384 -> Algorithm.RSA384(publicKey, privateKey);
            case RS512 -> Algorithm.RSA512(publicKey, privateKey);
            case PS256 -> Algorithm.RSA256PSS(publicKey, privateKey);
            case PS384 -> Algorithm.RSA384PSS(publicKey, privateKey);
            case PS512 -> Algorithm.RSA512PSS(publicKey, privateKey);
            default -> Algorithm.RSA256(publicKey, privateKey);
        };
    }

    private static Algorithm ecdsa(JwsAlgorithm algorithm, ECPublicKey publicKey, ECPrivateKey privateKey) {
        return switch (algorithm) {
            case ES384 -> Algorithm.ECDSA384(publicKey, privateKey);
            case ES512 -> Algorithm.ECDSA512(publicKey, privateKey);
            default -> Algorithm.ECDSA256(publicKey, privateKey);
        };
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
            throw new IllegalStateException("every JDK makes RSA and NIST curve keys", e);
        }
    }

    private static String token(String kid, Algorithm algorithm) {
        long now = Instant.now().getEpochSecond();
        return JwsSigner.sign(algorithm, kid, Map.of(
                "iss", ISSUER, "aud", AUDIENCE, "sub", "primer", "scope", "prime", "iat", now, "exp", now + 3600));
    }

    private static String apiKeyEntry(String id, String hash) {
        return "{\"id\":\"" + id + "\",\"hash\":\"" + hash + "\",\"principal\":\"primer\","
                + "\"allow\":[\"GET /prime\",\"$connect\"],\"context\":{\"tier\":\"prime\"}}";
    }

    private static String apiKeyEvent(String methodArn, String apiKey) {
        return Json.write(Map.of("type", "REQUEST", "methodArn", methodArn, "headers", Map.of("x-api-key", apiKey),
                "multiValueHeaders", Map.of("x-api-key", List.of(apiKey))));
    }

    private static String tokenEvent(String authorization) {
        return Json.write(ordered("type", "TOKEN", "authorizationToken", authorization, "methodArn", METHOD_ARN));
    }

    private static String requestEvent(String token) {
        return Json.write(ordered("type", "REQUEST", "methodArn", METHOD_ARN,
                "headers", Map.of("Authorization", "Bearer " + token, "Cookie", "other=1; prime=" + token),
                "multiValueHeaders", Map.of("Authorization", List.of("Bearer " + token)),
                "queryStringParameters", Map.of("prime", token)));
    }

    private static String httpApiV1Event(String token) {
        return Json.write(ordered("version", "1.0", "type", "REQUEST", "methodArn", METHOD_ARN,
                "headers", Map.of("Authorization", "Bearer " + token),
                "multiValueHeaders", Map.of("Authorization", List.of("Bearer " + token)),
                "queryStringParameters", Map.of("prime", token)));
    }

    private static String httpApiV2Event(String token) {
        return Json.write(ordered("version", "2.0", "type", "REQUEST", "routeArn", METHOD_ARN, "routeKey", "GET /prime",
                "headers", Map.of("authorization", "Bearer " + token), "cookies", List.of("prime=" + token)));
    }

    private static String webSocketEvent(String token) {
        return Json.write(ordered("type", "REQUEST", "methodArn", CONNECT_ARN,
                "headers", Map.of("Sec-WebSocket-Protocol", "prime, " + token, "Authorization", "Bearer " + token), "queryStringParameters", Map.of("prime", token)));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> event = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            event.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return event;
    }
}
