package dev.jwtauthorizer.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards an allowed request to {@code --upstream}, as an HTTP proxy integration does: the method,
 * the path without the stage, the query string, the headers and the body; the upstream's status,
 * headers and body come back as they are. An upstream that cannot be reached, or takes longer than
 * API Gateway's 30-second integration timeout, is a 502.
 */
final class UpstreamBackend implements Backend {
    /** Connection-level headers, and those the JDK client sets itself and refuses from callers. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "http2-settings");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI upstream;
    private final HttpClient client;

    UpstreamBackend(URI upstream) {
        this.upstream = upstream;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public GatewayResponse call(GatewayRequest request, RouteMatch match, Map<String, Object> authorizer) throws BackendFailure {
        String base = upstream.toString().replaceAll("/+$", "");
        URI target = URI.create(base + match.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
        HttpRequest.Builder forward = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            // Named without the path and query, which may carry a token.
            throw new BackendFailure("upstream " + upstream + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendFailure("interrupted while calling upstream " + upstream, e);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
            }
        });
        return new GatewayResponse(response.statusCode(), headers, response.body());
    }
}
