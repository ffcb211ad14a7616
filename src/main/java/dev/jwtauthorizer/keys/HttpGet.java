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
 * One bounded GET: {@code timeout} to connect and for each read, an overall deadline of twice that,
 * a size limit, no redirects, and only status 200 accepted.
 *
 * <p>The deadline holds whatever the server does. Per-read timeouts alone do not give that: a server
 * that sends its status line, its headers, its chunk framing or its TLS handshake one byte at a time
 * never lets a read time out, and a DNS lookup cannot be timed out at all. So the exchange runs on a
 * worker thread ({@link HttpGetExchange}), the caller waits for it no longer than the deadline, and then
 * closes the socket, which ends whatever the worker is blocked in (connect, handshake or read). A
 * worker stuck in a DNS lookup finds the socket closed when the lookup returns.
 *
 * <p>A hand-written HTTP/1.1 GET rather than HttpURLConnection or java.net.http.HttpClient: both load
 * many classes at cold start, neither can bound a whole exchange, and one GET is all this needs.
 */
final class HttpGet {
    private HttpGet() {
    }

    /** The body of a 200 answer; any other status, or an answer too large, too slow or malformed, is an IOException. */
    static byte[] fetch(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) throws IOException {
        long started = System.nanoTime();
        long deadlineNanos = 2 * timeout.toNanos();
        HttpGetExchange exchange = new HttpGetExchange(uri, timeout, maxBytes, headers);
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
