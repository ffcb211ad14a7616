package dev.jwtauthorizer.cli;

import com.auth0.jwt.algorithms.Algorithm;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.JwkExport;
import dev.jwtauthorizer.token.JwsSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code token}: mints development tokens from local keys, created on first use in a folder git
 * ignores ({@code .dev-keys/} by default), beside an env-vars file that configures the authorizer
 * to trust them. For trying the authorizer with one's own claims and rules, never for production.
 */
final class DevToken {
    static final String USAGE = "usage: java -jar jwt-authorizer.jar token [--sub SUBJECT] [--scope \"A B\"] [--ttl 1h] "
            + "[--alg RS256|ES256|HS256] [--claim NAME=VALUE]... [--iss ISSUER] [--aud AUDIENCE] "
            + "[--event VERB /path [--kind token|request|http-api]] [--keys DIR]";
    static final String ISSUER = "https://dev-issuer.jwt-authorizer.example";
    static final String AUDIENCE = "books-api";
    static final String EXAMPLE_API = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
    static final String EXAMPLE_HTTP_API = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/";
    private static final String FUNCTION = "JwtAuthorizerFunction";
    private static final String EXAMPLE_RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\",\"GET /books/*\"]},"
            + "{\"claim\":\"scope\",\"value\":\"books:write\",\"allow\":[\"POST /books\",\"PUT /books/*\",\"DELETE /books/*\"]}]";

    private DevToken() {
    }

    /** The token, or an event of the example API carrying it, as one line. */
    static String run(List<String> args) throws UsageException, IOException, GeneralSecurityException {
        Map<String, Object> claims = new LinkedHashMap<>();
        String subject = "dev-user";
        String issuer = ISSUER;
        String audience = AUDIENCE;
        String alg = "RS256";
        Duration ttl = Duration.ofHours(1);
        String eventVerb = null;
        String eventPath = null;
        String kind = "token";
        Path keys = Path.of(".dev-keys");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException("option " + option + " needs a value (--help for usage)");
            }
            String value = args.get(++i);
            switch (option) {
                case "--sub" -> subject = value;
                case "--scope" -> claims.put("scope", value);
                case "--ttl" -> ttl = duration(value);
                case "--alg" -> alg = value;
                case "--iss" -> issuer = value;
                case "--aud" -> audience = value;
                case "--keys" -> keys = Path.of(value);
                case "--claim" -> claim(value, claims);
                case "--kind" -> kind = value;
                case "--event" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--event needs a verb and a path, like --event GET /books");
                    }
                    eventVerb = value;
                    eventPath = args.get(++i);
                }
                default -> throw new UsageException("unknown option " + option + " (--help for usage)");
            }
        }
        if (!List.of("RS256", "ES256", "HS256").contains(alg)) {
            throw new UsageException("--alg must be RS256, ES256 or HS256 (got \"" + alg + "\")");
        }
        if (eventPath != null && !eventPath.startsWith("/")) {
            throw new UsageException("--event path must start with /");
        }
        if (!List.of("token", "request", "http-api").contains(kind)) {
            throw new UsageException("--kind must be token, request or http-api (got \"" + kind + "\")");
        }
        DevKeys devKeys = DevKeys.openOrCreate(keys);
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", issuer);
        payload.put("aud", audience);
        payload.put("sub", subject);
        payload.put("iat", now.getEpochSecond());
        payload.put("exp", now.plus(ttl).getEpochSecond());
        payload.putAll(claims);
        String token = switch (alg) {
            case "RS256" -> JwsSigner.sign(Algorithm.RSA256(
                    (RSAPublicKey) devKeys.rsa.getPublic(), (RSAPrivateKey) devKeys.rsa.getPrivate()), DevKeys.RSA_KID, payload);
            case "ES256" -> JwsSigner.sign(Algorithm.ECDSA256(
                    (ECPublicKey) devKeys.ec.getPublic(), (ECPrivateKey) devKeys.ec.getPrivate()), DevKeys.EC_KID, payload);
            case "HS256" -> JwsSigner.sign(Algorithm.HMAC256(devKeys.hmacSecret), null, payload);
            default -> throw new IllegalStateException("checked above: " + alg);
        };
        return eventVerb == null ? token : Json.write(event(kind, eventVerb, eventPath, token));
    }

    /** The event API Gateway sends the authorizer for this request, in the shape of the kind of API. */
    private static Map<String, Object> event(String kind, String verb, String path, String token) {
        Map<String, Object> event = new LinkedHashMap<>();
        switch (kind) {
            case "request" -> {
                event.put("type", "REQUEST");
                event.put("methodArn", EXAMPLE_API + verb + path);
                event.put("httpMethod", verb);
                event.put("path", path);
                event.put("headers", Map.of("Authorization", "Bearer " + token));
                event.put("multiValueHeaders", Map.of("Authorization", List.of("Bearer " + token)));
            }
            case "http-api" -> {
                event.put("version", "2.0");
                event.put("type", "REQUEST");
                event.put("routeArn", EXAMPLE_HTTP_API + verb + path);
                event.put("identitySource", List.of("Bearer " + token));
                event.put("routeKey", verb + " " + path);
                event.put("rawPath", path);
                event.put("headers", Map.of("authorization", "Bearer " + token));
                event.put("requestContext", Map.of("http", Map.of("method", verb, "path", path), "stage", "$default"));
            }
            default -> {
                event.put("type", "TOKEN");
                event.put("authorizationToken", "Bearer " + token);
                event.put("methodArn", EXAMPLE_API + verb + path);
            }
        }
        return event;
    }

    /** 30s, 15m, 1h, 7d. */
    private static Duration duration(String text) throws UsageException {
        try {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            Duration duration = switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> null;
            };
            if (duration != null && !duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            // falls through to the usage message
        }
        throw new UsageException("--ttl takes a positive number with s, m, h or d, like 1h (got \"" + text + "\")");
    }

    /** NAME=VALUE; a VALUE that is JSON (a number, true, a list) keeps its type, anything else is a string. */
    private static void claim(String text, Map<String, Object> claims) throws UsageException {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--claim takes NAME=VALUE (got \"" + text + "\")");
        }
        String raw = text.substring(equals + 1);
        Object value;
        try {
            value = Json.read(raw);
        } catch (IllegalArgumentException e) {
            value = raw;
        }
        claims.put(text.substring(0, equals), value);
    }

    /** The development keys and the files that let the authorizer trust them. */
    private static final class DevKeys {
        static final String RSA_KID = "local-rsa";
        static final String EC_KID = "local-ec";

        final KeyPair rsa;
        final KeyPair ec;
        final byte[] hmacSecret;

        private DevKeys(KeyPair rsa, KeyPair ec, byte[] hmacSecret) {
            this.rsa = rsa;
            this.ec = ec;
            this.hmacSecret = hmacSecret;
        }

        static DevKeys openOrCreate(Path dir) throws IOException, GeneralSecurityException {
            Path rsaFile = dir.resolve("rsa-private.pem");
            Path ecFile = dir.resolve("ec-private.pem");
            Path hmacFile = dir.resolve("hmac-secret.txt");
            if (Files.exists(rsaFile)) {
                return new DevKeys(read(rsaFile, "RSA"), read(ecFile, "EC"),
                        Base64.getDecoder().decode(Files.readString(hmacFile).strip()));
            }
            Files.createDirectories(dir);
            KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
            rsaGenerator.initialize(2048);
            KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
            ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            DevKeys keys = new DevKeys(rsaGenerator.generateKeyPair(), ecGenerator.generateKeyPair(), secret);
            writePair(rsaFile, keys.rsa);
            writePair(ecFile, keys.ec);
            writePrivate(hmacFile, Base64.getEncoder().encodeToString(secret) + "\n");
            String jwks = JwkExport.keySet(
                    JwkExport.publicJwk(keys.rsa.getPublic(), RSA_KID, "RS256"),
                    JwkExport.publicJwk(keys.ec.getPublic(), EC_KID, "ES256"));
            Files.writeString(dir.resolve("jwks.json"), jwks + "\n");
            // Every variable, blank where unused: sam local invoke only overrides the variables the
            // template declares, and must not fall back on what it makes of the template's intrinsics.
            Map<String, Object> function = new LinkedHashMap<>();
            for (Setting setting : Setting.values()) {
                function.put(setting.name(), "");
            }
            function.put("JWT_ISSUER", ISSUER);
            function.put("JWT_AUDIENCE", AUDIENCE);
            function.put("JWT_ALGORITHMS", "RS256,ES256,HS256");
            function.put("JWT_JWKS", jwks);
            function.put("JWT_HMAC_SECRET", "base64:" + Base64.getEncoder().encodeToString(secret));
            function.put("JWT_CONTEXT_CLAIMS", "sub,scope");
            function.put("JWT_RULES", EXAMPLE_RULES);
            writePrivate(dir.resolve("env.json"), Json.writePretty(Map.of(FUNCTION, function)) + "\n");
            System.err.println("jwt-authorizer: created development keys in " + dir + "; trust them with --env-vars "
                    + dir.resolve("env.json") + " (edit JWT_RULES there to try your own rules)");
            return keys;
        }

        private static KeyPair read(Path file, String algorithm) throws IOException, GeneralSecurityException {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pemBody(file)));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(pemBody(publicFile(file))));
            return new KeyPair(publicKey, privateKey);
        }

        private static byte[] pemBody(Path file) throws IOException {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        }

        private static Path publicFile(Path privateFile) {
            return privateFile.resolveSibling(privateFile.getFileName().toString().replace("-private", "-public"));
        }

        private static void writePair(Path privateFile, KeyPair pair) throws IOException {
            writePrivate(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicFile(privateFile), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        }

        private static String pem(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }

        private static void writePrivate(Path file, String text) throws IOException {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }
}
