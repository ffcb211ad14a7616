package dev.jwtauthorizer.keys;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request (a GET, or a POST with a body) over a socket the caller owns: connect, TLS for
 * https (the default trust store, SNI, and the host name checked against the certificate), the request
 * with {@code Connection: close}, and the answer read by {@link HttpResponseReader}. It bounds each
 * connect and read but not the whole: {@link HttpFetch} does that by closing the socket.
 */
final class HttpExchange {
    /** Headers the exchange writes itself: a caller's copy would make the request ambiguous. */
    private static final Set<String> OWN_HEADERS = Set.of("host", "content-length",
            "transfer-encoding", "connection");

    private final String host;
    private final int port;
    private final boolean tls;
    private final int timeoutMillis;
    private final int maxBytes;
    private final byte[] request;
    private final String where;
    private final boolean errorBodies;

    /**
     * @param body        sent with its Content-Length; null for none
     * @param errorBodies whether the body of a non-200 answer is read, for {@link HttpStatusException#errorBody()}
     * @throws IOException for a URL or header that cannot be sent, before anything is sent
     */
    HttpExchange(String method, URI uri, Duration timeout, int maxBytes, Map<String, String> headers, byte[] body,
                 boolean errorBodies) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IOException("only http:// and https:// URLs with a host can be fetched");
        }
        String uriHost = uri.getHost();
        // An IPv6 literal is bracketed in a URL and in the Host header, but not for a lookup or a certificate check.
        this.host = uriHost.startsWith("[") && uriHost.endsWith("]") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
        this.tls = scheme.equals("https");
        this.port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        // Zero would mean "no timeout" to a socket.
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        this.maxBytes = maxBytes;
        this.where = uriHost + uri.getPath();
        this.errorBodies = errorBodies;
        this.request = request(method, uri, headers, body);
    }

    /** host and path, for messages: never the query, which may name a secret. */
    String where() {
        return where;
    }

    /** The body of a 200 answer. The caller closes the socket, which also closes the TLS layer over it. */
    byte[] run(Socket socket) throws IOException {
        // The lookup happens here, on the worker, because it cannot be timed out.
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        Socket channel = tls ? secure(socket) : socket;
        OutputStream out = channel.getOutputStream();
        out.write(request);
        out.flush();
        return HttpResponseReader.body(new BufferedInputStream(channel.getInputStream()), maxBytes, where, errorBodies);
    }

    private SSLSocket secure(Socket socket) throws IOException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        // Given the host name, the factory sends it as SNI (unless it is an IP address).
        SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        // Without this a socket checks the certificate chain but not that it names this host.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static byte[] request(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IOException("the URL's path or query holds a character that is not URL-encoded");
            }
        }
        StringBuilder text = new StringBuilder(256)
                .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(HttpFetch.hostHeader(uri)).append("\r\n")
                .append("User-Agent: jwt-authorizer\r\n")
                .append("Connection: close\r\n");
        for (Map.Entry<String, String> header : headers.entrySet()) {
            checkHeader(header.getKey(), header.getValue());
            text.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (body != null) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] head = text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return head;
        }
        byte[] whole = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }

    /** A line break in a header would let its value add headers or a second request. */
    private static void checkHeader(String name, String value) throws IOException {
        if (name.isEmpty() || !name.chars().allMatch(HttpResponseReader::isTokenChar)) {
            throw new IOException("request header name \"" + name + "\" is not an HTTP token");
        }
        if (OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IOException("request header " + name + " is written by the exchange itself");
        }
        // The value is never quoted: it may be a credential.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c >= 0x7f) {
                throw new IOException("request header " + name + " holds a control or non-ASCII character");
            }
        }
    }
}
