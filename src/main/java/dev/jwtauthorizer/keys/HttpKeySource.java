package dev.jwtauthorizer.keys;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A key set fetched over HTTPS (or HTTP on loopback). */
public final class HttpKeySource implements KeySource {
    static final Map<String, String> ACCEPT_JSON = Map.of("Accept", "application/json, application/jwk-set+json");

    private final URI uri;
    private final Duration timeout;
    private final int maxBytes;

    public HttpKeySource(URI uri, Duration timeout, int maxBytes) {
        this.uri = RemoteUrl.check(uri);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch() throws IOException {
        return HttpFetch.fetch(uri, timeout, maxBytes, ACCEPT_JSON);
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String describe() {
        return RemoteUrl.describe(uri);
    }

    @Override
    public String sharedDocument() {
        return uri.toString();
    }
}
