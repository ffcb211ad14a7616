package dev.jwtauthorizer.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint on 127.0.0.1 whose answers a test can change, counting the requests it sees:
 * a key set, a discovery document, or the Secrets extension. One body answers every path unless a
 * path has its own.
 */
public final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final Map<String, String> bodiesByPath = new ConcurrentHashMap<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private volatile String lastQuery;
    private volatile String body = "{\"keys\":[]}";
    private volatile int status = 200;
    private volatile long delayMillis;
    private volatile CountDownLatch together;

    public JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.incrementAndGet();
            requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestHeaders().forEach((name, values) -> lastHeaders.put(name.toLowerCase(), values.get(0)));
            lastQuery = exchange.getRequestURI().getRawQuery();
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                CountDownLatch latch = together;
                if (latch != null) {
                    latch.countDown();
                    // Answers only once every server sharing the latch has a request in hand (or never).
                    if (!latch.await(10, TimeUnit.SECONDS)) {
                        exchange.close();
                        return;
                    }
                }
                byte[] bytes = bodiesByPath.getOrDefault(path, body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    /** http://127.0.0.1:port, without a path. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return baseUrl() + "/.well-known/jwks.json";
    }

    public JwksServer serve(String body) {
        this.body = body;
        this.status = 200;
        return this;
    }

    /** Answers requests for this path with this body, and every request with status 200 again. */
    public JwksServer serve(String path, String body) {
        bodiesByPath.put(path, body);
        this.status = 200;
        return this;
    }

    public JwksServer fail(int status) {
        this.status = status;
        return this;
    }

    /** Holds each answer until the latch is down: servers sharing one answer only requests made at once. */
    public JwksServer answerTogether(CountDownLatch latch) {
        this.together = latch;
        return this;
    }

    public JwksServer delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int requests(String path) {
        AtomicInteger count = requestsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    /** The value of a header of the last request, by lower-case name; null when it had none. */
    public String lastHeader(String name) {
        return lastHeaders.get(name);
    }

    public String lastQuery() {
        return lastQuery;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
