package dev.jwtauthorizer.support;

import com.sun.net.httpserver.HttpServer;
import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint on 127.0.0.1, as Lambda gives it to SnapStart functions:
 * {@code GET /2021-04-23/credentials} with the authorization token in the Authorization header, and
 * {@code {AccessKeyId, SecretAccessKey, Token, Expiration}} in answer. A wrong or missing token gets 401.
 */
public final class ContainerCredentialsFake implements AutoCloseable {
    public static final String PATH = "/2021-04-23/credentials";

    private final HttpServer server;
    private final String authorizationToken;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile FakeCredentials current = FakeCredentials.temporary();
    private volatile Instant expiration = Instant.now().plus(6, ChronoUnit.HOURS);

    public ContainerCredentialsFake(String authorizationToken) throws IOException {
        this.authorizationToken = authorizationToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                boolean authorized = PATH.equals(exchange.getRequestURI().getPath())
                        && authorizationToken.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                FakeCredentials credentials = current;
                byte[] body = (authorized
                        ? Json.write(Map.of("AccessKeyId", credentials.accessKeyId(), "SecretAccessKey", credentials.secretAccessKey(),
                                "Token", credentials.sessionToken(), "Expiration", expiration.truncatedTo(ChronoUnit.SECONDS).toString()))
                        : "{\"message\":\"unauthorized\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** For AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** The credentials it hands out now. */
    public FakeCredentials current() {
        return current;
    }

    /** Hands out new credentials from now on; returns them. */
    public FakeCredentials rotate() {
        current = FakeCredentials.temporary();
        return current;
    }

    /** The Expiration it gives with the credentials. */
    public ContainerCredentialsFake expiration(Instant expiration) {
        this.expiration = expiration;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
