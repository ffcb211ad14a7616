package dev.jwtauthorizer.serve;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A gateway on 127.0.0.1 (port chosen by the system) in front of a handler whose calls are
 * counted and whose events are kept; a clock the test moves; the access lines kept.
 */
final class GatewayFixture implements AutoCloseable {
    static final String RULES = "[{\"claim\":\"scope\",\"value\":\"books:read\",\"allow\":[\"GET /books\",\"GET /books/*\"]},"
            + "{\"claim\":\"scope\",\"value\":\"books:write\",\"allow\":[\"POST /books\"]}]";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A clock that stands still until moved. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** The real handler, or a stand-in, with every event it is sent kept. */
    static final class RecordingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        private final RequestHandler<Map<String, Object>, Map<String, Object>> delegate;

        RecordingHandler(RequestHandler<Map<String, Object>, Map<String, Object>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            events.add(event);
            return delegate.handleRequest(event, context);
        }

        int calls() {
            return events.size();
        }
    }

    record Response(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    final RecordingHandler handler;
    final MovableClock clock = new MovableClock();
    final List<String> accessLines = new CopyOnWriteArrayList<>();
    final LocalGateway gateway;

    GatewayFixture(ApiSpec api, RequestHandler<Map<String, Object>, Map<String, Object>> handler, URI upstream) throws IOException {
        this.handler = new RecordingHandler(handler);
        this.gateway = LocalGateway.start(api, this.handler,
                new LocalGateway.Settings(BindAddress.loopback(), 0, upstream, clock, accessLines::add));
    }

    /** The real AuthorizerHandler with the test keys and {@link #RULES}, plus the given settings. */
    static AuthorizerHandler realHandler(String... settings) {
        Map<String, String> env = TestEnv.rsa();
        env.put("JWT_RULES", RULES);
        env.put("JWT_CONTEXT_CLAIMS", "scope");
        for (int i = 0; i < settings.length; i += 2) {
            env.put(settings[i], settings[i + 1]);
        }
        return new AuthorizerHandler(Authorizer.fromEnvironment(env));
    }

    static String token(String scope) {
        return Tokens.claims().withKeyId("rsa-1").withClaim("scope", scope).sign(Tokens.algorithm("RS256", TestKeys.RSA));
    }

    Response get(String path, String... headers) {
        return send("GET", path, headers);
    }

    Response send(String method, String path, String... headers) {
        return sendWithBody(method, path, "", headers);
    }

    Response sendWithBody(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() || !response.body().startsWith("{") ? null : MAPPER.readTree(response.body());
            return new Response(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode lastAccessLine() {
        try {
            return MAPPER.readTree(accessLines.get(accessLines.size() - 1));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
