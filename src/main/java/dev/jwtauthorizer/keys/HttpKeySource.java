package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * A key set fetched over HTTPS (or HTTP on loopback). HttpURLConnection rather than
 * java.net.http.HttpClient: it loads far fewer classes, which matters at cold start, and one GET
 * is all this needs.
 */
public final class HttpKeySource implements KeySource {
    private final URI uri;
    private final Duration timeout;
    private final int maxBytes;

    public HttpKeySource(URI uri, Duration timeout, int maxBytes) {
        this.uri = uri;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch() throws IOException {
        long deadline = System.nanoTime() + 2 * timeout.toNanos();
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            // A redirect could lead anywhere, including plain HTTP off this host.
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/json, application/jwk-set+json");
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("HTTP status " + status);
            }
            if (connection.getContentLengthLong() > maxBytes) {
                throw new IOException("key set larger than " + maxBytes + " bytes");
            }
            try (InputStream in = connection.getInputStream()) {
                return BoundedRead.readAll(in, maxBytes, deadline);
            }
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public String describe() {
        return uri.toString();
    }
}
