package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One bounded HTTP exchange, a GET or a POST with a body: {@code timeout} to connect and for each
 * read, an overall deadline of twice that, a size limit, no redirects, and only status 200 accepted.
 *
 * <p>The deadline holds whatever the server does. Per-read timeouts alone do not give that: a server
 * that sends its status line, its headers, its chunk framing or its TLS handshake one byte at a time
 * never lets a read time out, and a DNS lookup cannot be timed out at all. So the exchange runs on a
 * worker thread ({@link HttpExchange}), the caller waits for it no longer than the deadline, and then
 * closes the socket, which ends whatever the worker is blocked in (connect, handshake or read). A
 * worker stuck in a DNS lookup finds the socket closed when the lookup returns.
 *
 * <p>A hand-written HTTP/1.1 client rather than HttpURLConnection or java.net.http.HttpClient: both
 * load many classes at cold start, neither can bound a whole exchange, and one request is all this needs.
 */
public final class HttpFetch {
    private HttpFetch() {
    }

    /**
     * The body of a 200 answer to a GET; any other status ({@link HttpStatusException}), or an answer
     * too large, too slow or malformed, is an IOException.
     */
    public static byte[] get(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) throws IOException {
        return run(new HttpExchange("GET", uri, timeout, maxBytes, headers, null, false), timeout);
    }

    /** The same as {@link #get}: the name the key fetchers grew up with. */
    static byte[] fetch(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) throws IOException {
        return get(uri, timeout, maxBytes, headers);
    }

    /**
     * The body of a 200 answer to a POST of {@code body} (sent with its Content-Length; the caller
     * gives the Content-Type among {@code headers}). Any other status is an {@link HttpStatusException}
     * that holds the error answer's body (within the same size limit) for the caller to read what kind
     * of error it is; its message never quotes it.
     */
    public static byte[] post(URI uri, Duration timeout, int maxBytes, Map<String, String> headers, byte[] body)
            throws IOException {
        return run(new HttpExchange("POST", uri, timeout, maxBytes, headers, body, true), timeout);
    }

    /** The Host header the exchange sends for this URI: what a request signature must cover. */
    public static String hostHeader(URI uri) {
        return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static byte[] run(HttpExchange exchange, Duration timeout) throws IOException {
        long started = System.nanoTime();
        long deadlineNanos = 2 * timeout.toNanos();
        // Created here, unconnected, so that closing it below also stops a worker that has not reached connect yet.
        Socket socket = new Socket();
        FutureTask<byte[]> answer = new FutureTask<>(() -> exchange.run(socket));
        Thread worker = new Thread(answer, "jwt-authorizer-fetch");
        worker.setDaemon(true);
        try {
            worker.start();
            return answer.get(deadlineNanos - (System.nanoTime() - started), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no complete answer from " + exchange.where() + " within "
                    + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("fetch from " + exchange.where() + " failed: " + cause.getClass().getName(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("fetch from " + exchange.where() + " interrupted");
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is how the worker is stopped; a failure to close changes nothing for the caller.
        }
    }
}
