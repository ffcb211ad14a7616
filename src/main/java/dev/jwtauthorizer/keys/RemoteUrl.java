package dev.jwtauthorizer.keys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rule for every URL keys are fetched from: HTTPS, or plain HTTP to this machine only. */
public final class RemoteUrl {
    private RemoteUrl() {
    }

    /**
     * Parses and checks a URL given as text.
     *
     * @throws IllegalArgumentException saying why, without the text: a URL may hold a password or a key
     */
    public static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        }
        return check(uri);
    }

    /** @throws IllegalArgumentException saying why the URL may not be fetched */
    public static URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("\"" + describe(uri) + "\" is not an https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            // Never sent (no fetch here uses basic authentication), and it would be logged with the URL.
            throw new IllegalArgumentException("\"" + describe(uri) + "\" holds a user name or password, which "
                    + "is never sent; a key set or discovery URL needs none");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        if (scheme.equals("http")) {
            throw new IllegalArgumentException("\"" + describe(uri) + "\": plain http:// is only allowed for loopback hosts "
                    + "(127.0.0.0/8, ::1, localhost); use https://");
        }
        throw new IllegalArgumentException("\"" + describe(uri) + "\" must be an https:// URL");
    }

    /**
     * The URL for logs and messages: scheme, host, port and path, never a user name, password or
     * query, any of which may hold a credential ({@code ?api_key=...}).
     */
    public static String describe(URI uri) {
        StringBuilder text = new StringBuilder();
        if (uri.getScheme() != null) {
            text.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            text.append(uri.getHost());
        }
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            text.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            text.append("?...");
        }
        return text.toString();
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
