package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The key set of an OpenID Connect issuer, found through its discovery document
 * ({@code {issuer}/.well-known/openid-configuration}, OpenID Connect Discovery 1.0 section 4).
 *
 * <p>The document's {@code issuer} must equal the configured issuer exactly (section 4.3): a
 * document that names another issuer is not this issuer's, and its keys are never fetched. The
 * {@code jwks_uri} found is kept until a key set fetch from it fails; then the next attempt reads
 * the document again.
 */
public final class OidcDiscoveryKeySource implements KeySource {

    private final String issuer;
    private final URI discoveryUri;
    private final Duration timeout;
    private final int maxBytes;
    private volatile URI jwksUri;

    public OidcDiscoveryKeySource(String issuer, Duration timeout, int maxBytes) {
        this.issuer = issuer;
        // Section 4: a trailing slash of the issuer is removed before the path is appended.
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.discoveryUri = RemoteUrl.parse(base + "/.well-known/openid-configuration");
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch() throws IOException {
        URI keys = jwksUri;
        if (keys == null) {
            keys = discover();
        }
        try {
            byte[] document = HttpFetch.fetch(keys, timeout, maxBytes, HttpKeySource.ACCEPT_JSON);
            jwksUri = keys;
            return document;
        } catch (IOException e) {
            jwksUri = null;
            throw e;
        }
    }

    private URI discover() throws IOException {
        Object json;
        try {
            json = Json.read(HttpFetch.fetch(discoveryUri, timeout, maxBytes, HttpKeySource.ACCEPT_JSON));
        } catch (IllegalArgumentException e) {
            throw new IOException("the discovery document is not JSON");
        }
        Map<String, Object> document = Json.asObject(json);
        if (document == null) {
            throw new IOException("the discovery document is not a JSON object");
        }
        Object named = document.get("issuer");
        if (!issuer.equals(named)) {
            throw new IOException("the discovery document names issuer "
                    + (named == null ? "none" : Json.write(named)) + ", not the configured " + issuer);
        }
        String keys = Json.text(document, "jwks_uri");
        if (keys == null) {
            throw new IOException("the discovery document has no jwks_uri");
        }
        try {
            return RemoteUrl.parse(keys);
        } catch (IllegalArgumentException e) {
            throw new IOException("jwks_uri " + e.getMessage());
        }
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String describe() {
        return RemoteUrl.describe(discoveryUri);
    }
}
