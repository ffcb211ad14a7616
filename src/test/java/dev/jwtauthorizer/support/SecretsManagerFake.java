package dev.jwtauthorizer.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS Secrets Manager's GetSecretValue on 127.0.0.1, as strict as the real one about what a client
 * may get wrong: the SigV4 signature (checked by {@link SigV4Verifier}, not by the authorizer's
 * signer), the credential scope (date, region, service {@code secretsmanager}), an X-Amz-Date within
 * five minutes, the session token of the credentials, X-Amz-Target and the content type. It refuses
 * as Secrets Manager does: status 400 and a JSON body whose {@code __type} names the error.
 */
public final class SecretsManagerFake implements AutoCloseable {
    public static final String REGION = "eu-west-1";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final Map<String, FakeCredentials> accepted = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private volatile int failWith;
    /** The body of a failure; null for an InternalServiceError. */
    private volatile String failBody;
    private volatile String lastRefusal;

    public SecretsManagerFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** For AWS_ENDPOINT_URL_SECRETS_MANAGER. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests signed with these credentials are accepted (as long as they are not withdrawn). */
    public SecretsManagerFake accept(FakeCredentials credentials) {
        accepted.put(credentials.accessKeyId(), credentials);
        return this;
    }

    /** Requests signed with these credentials are refused from now on, as for credentials that expired. */
    public SecretsManagerFake withdraw(FakeCredentials credentials) {
        accepted.remove(credentials.accessKeyId());
        return this;
    }

    /** The SecretString of a secret, by name: set again to rotate it. */
    public SecretsManagerFake secret(String secretId, String secretString) {
        secrets.put(secretId, secretString);
        failWith = 0;
        return this;
    }

    /** Every request is answered with this status (an InternalServiceError body); 0: answer normally. */
    public SecretsManagerFake fail(int status) {
        return fail(status, null);
    }

    /** Like {@link #fail(int)}, with this body (a proxy's page, say) instead of Secrets Manager's error. */
    public SecretsManagerFake fail(int status, String body) {
        failWith = status;
        failBody = body;
        return this;
    }

    /** Stops listening: connections are refused from now on. */
    public void down() {
        server.stop(0);
    }

    public int requests() {
        return requests.get();
    }

    /** Requests answered with a secret. */
    public int served() {
        return served.get();
    }

    /** The {@code __type} of the last refusal, for a test to say why it was refused; null when none. */
    public String lastRefusal() {
        return lastRefusal;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            if (failWith != 0) {
                answer(exchange, failWith, failBody != null ? failBody : error("InternalServiceError", "fake failure"));
                return;
            }
            String refusal = refusal(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), headers, body);
            if (refusal != null) {
                String[] typeAndMessage = refusal.split(": ", 2);
                lastRefusal = typeAndMessage[0];
                answer(exchange, 400, error(typeAndMessage[0], typeAndMessage[1]));
                return;
            }
            Object secretId = Json.asObject(Json.read(body)).get("SecretId");
            String secret = secretId instanceof String id ? secrets.get(id) : null;
            if (secret == null) {
                lastRefusal = "ResourceNotFoundException";
                answer(exchange, 400, error("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
                return;
            }
            served.incrementAndGet();
            answer(exchange, 200, Json.write(Map.of("ARN", "arn:aws:secretsmanager:" + REGION + ":123456789012:secret:" + secretId,
                    "Name", secretId, "SecretString", secret, "VersionId", "v-" + secret.hashCode(),
                    "VersionStages", List.of("AWSCURRENT"), "CreatedDate", 1.523477145713E9)));
        }
    }

    /** "Type: message" of what is wrong with the request, or null when it is good. */
    private String refusal(String method, String path, String query, Map<String, String> headers, byte[] body) {
        if (!method.equals("POST") || !"/".equals(path) || query != null) {
            return "UnknownOperationException: only POST / is served";
        }
        if (!"secretsmanager.GetSecretValue".equals(headers.get("x-amz-target"))) {
            return "UnknownOperationException: X-Amz-Target is not secretsmanager.GetSecretValue";
        }
        if (!"application/x-amz-json-1.1".equals(headers.get("content-type"))) {
            return "SerializationException: Content-Type is not application/x-amz-json-1.1";
        }
        SigV4Verifier.Authorization authorization = SigV4Verifier.Authorization.parse(headers.get("authorization"));
        if (authorization == null) {
            return "IncompleteSignatureException: Authorization header is not a SigV4 one";
        }
        FakeCredentials credentials = accepted.get(authorization.accessKeyId());
        if (credentials == null) {
            return "UnrecognizedClientException: The security token included in the request is invalid.";
        }
        if (credentials.sessionToken() == null ? headers.containsKey("x-amz-security-token")
                : !credentials.sessionToken().equals(headers.get("x-amz-security-token"))) {
            return "UnrecognizedClientException: The security token included in the request is invalid.";
        }
        String amzDate = headers.get("x-amz-date");
        Instant sent;
        try {
            sent = LocalDateTime.parse(amzDate == null ? "" : amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return "IncompleteSignatureException: X-Amz-Date is missing or malformed";
        }
        if (Duration.between(sent, Instant.now()).abs().compareTo(Duration.ofMinutes(5)) > 0) {
            return "InvalidSignatureException: Signature expired";
        }
        if (!authorization.date().equals(amzDate.substring(0, 8)) || !REGION.equals(authorization.region())
                || !"secretsmanager".equals(authorization.service())) {
            return "InvalidSignatureException: Credential should be scoped to a valid date, region and service";
        }
        List<String> signed = authorization.signedHeaders();
        boolean coversWhatMatters = signed.containsAll(List.of("host", "x-amz-date", "x-amz-target", "content-type"))
                && (!headers.containsKey("x-amz-security-token") || signed.contains("x-amz-security-token"));
        if (!SigV4Verifier.wellOrdered(signed) || !coversWhatMatters) {
            return "InvalidSignatureException: SignedHeaders must cover host, x-amz-date, x-amz-target, content-type and the token";
        }
        String expected;
        try {
            expected = SigV4Verifier.expectedSignature(credentials.secretAccessKey(), authorization, method, path, headers, body);
        } catch (Exception e) {
            return "InternalFailure: " + e;
        }
        if (!expected.equals(authorization.signature())) {
            return "InvalidSignatureException: The request signature we calculated does not match the signature you provided.";
        }
        return null;
    }

    private static String error(String type, String message) {
        return Json.write(Map.of("__type", type, "Message", message));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
