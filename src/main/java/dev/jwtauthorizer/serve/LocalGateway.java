package dev.jwtauthorizer.serve;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.jwtauthorizer.serve.model.ApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A local API Gateway for one API, in front of the authorizer's Lambda handler: the JDK's HTTP
 * server on loopback (or on the address given with {@code --host}), each request through a
 * {@link RequestFlow}, one access line per request.
 */
public final class LocalGateway implements AutoCloseable {
    /** API Gateway's own limit on a request payload. */
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    /**
     * @param upstream  where allowed requests go; null for the echo backend
     * @param clock     the cache's clock (tests move it)
     * @param accessLog receives each access line
     */
    public record Settings(BindAddress bind, int port, URI upstream, Clock clock, Consumer<String> accessLog) {
    }

    private final ApiSpec api;
    private final HttpServer server;
    private final ExecutorService threads;
    private final BindAddress bind;

    private LocalGateway(ApiSpec api, HttpServer server, ExecutorService threads, BindAddress bind) {
        this.api = api;
        this.server = server;
        this.threads = threads;
        this.bind = bind;
    }

    /**
     * Listens and serves until {@link #close()}.
     *
     * @throws IllegalArgumentException when the API cannot be served (a validation expression that is no regular expression)
     */
    public static LocalGateway start(ApiSpec api, RequestHandler<Map<String, Object>, Map<String, Object>> authorizer,
                                     Settings settings) throws IOException {
        Backend backend = settings.upstream() == null ? new EchoBackend(api) : new UpstreamBackend(settings.upstream());
        RequestFlow flow = new RequestFlow(api, authorizer, backend, settings.clock());
        HttpServer server = HttpServer.create(new InetSocketAddress(settings.bind().address(), settings.port()), 50);
        ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "serve");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", exchange -> serve(exchange, flow, settings.accessLog()));
        server.start();
        return new LocalGateway(api, server, threads, settings.bind());
    }

    /** The port listened on (the one chosen when port 0 was asked). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The API's base URL: {@code http://127.0.0.1:3000/prod} for a REST API on stage prod. */
    public URI baseUri() {
        return URI.create("http://" + bind.urlHost() + ":" + port() + RouteTable.stagePrefix(api));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static void serve(HttpExchange exchange, RequestFlow flow, Consumer<String> accessLog) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                send(exchange, GatewayResponse.json(413, "{\"message\":\"Request Too Long\"}"));
                return;
            }
            URI uri = exchange.getRequestURI();
            GatewayRequest request = new GatewayRequest(exchange.getRequestMethod(),
                    uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress());
            RequestFlow.Outcome outcome;
            try {
                outcome = flow.handle(request);
            } catch (RuntimeException e) {
                // A fault of the emulation itself, not the authorizer's: still an answer, never a hang.
                // By type only: a message may quote the request, and with it a token.
                System.err.println("jwt-authorizer serve: internal error: " + e.getClass().getName());
                outcome = new RequestFlow.Outcome(GatewayResponse.json(500, "{\"message\":\"Internal server error\"}"), "none", null);
            }
            GatewayResponse response = GatewayResponses.withCors(flow.api(), outcome.response(), request.header("Origin"));
            // Logged before the response leaves, so that a client that has its answer finds the line written.
            accessLog.accept(AccessLine.of(request, outcome, (System.nanoTime() - start) / 1_000_000));
            send(exchange, response);
        }
    }

    private static void send(HttpExchange exchange, GatewayResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        boolean empty = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
