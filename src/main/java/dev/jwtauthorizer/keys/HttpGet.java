package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One bounded GET: explicit connect and read timeouts, an overall deadline, a size limit, and no
 * redirects. HttpURLConnection rather than java.net.http.HttpClient: it loads far fewer classes,
 * which matters at cold start, and one GET at a time is all this needs.
 */
final class HttpGet {
    private HttpGet() {
    }

    /** The body of a 200 answer; any other status, or a body too large or too slow, is an IOException. */
    static byte[] fetch(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) throws IOException {
        long deadline = System.nanoTime() + 2 * timeout.toNanos();
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            // A redirect could lead anywhere, including plain HTTP off this host.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            headers.forEach(connection::setRequestProperty);
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP status " + status + " from " + uri.getHost() + uri.getPath());
            }
            if (connection.getContentLengthLong() > maxBytes) {
                throw new IOException("answer larger than " + maxBytes + " bytes");
            }
            try (InputStream in = connection.getInputStream()) {
                return BoundedRead.readAll(in, maxBytes, deadline);
            }
        } finally {
            connection.disconnect();
        }
    }
}
