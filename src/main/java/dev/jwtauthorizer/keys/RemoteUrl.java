package dev.jwtauthorizer.keys;

import java.net.URI;
import java.util.Locale;

/** The rule for every URL keys are fetched from: HTTPS, or plain HTTP to this machine only. */
public final class RemoteUrl {
    private RemoteUrl() {
    }

    /** @throws IllegalArgumentException saying why the URL may not be fetched */
    public static URI check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("\"" + uri + "\" is not an https:// URL with a host");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        if (scheme.equals("http")) {
            throw new IllegalArgumentException("\"" + uri + "\": plain http:// is only allowed for loopback hosts "
                    + "(127.0.0.1, ::1, localhost); use https://");
        }
        throw new IllegalArgumentException("\"" + uri + "\" must be an https:// URL");
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
