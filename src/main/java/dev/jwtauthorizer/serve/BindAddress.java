package dev.jwtauthorizer.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where {@code serve} listens. The gateway runs the authorizer with whatever keys and rules it was
 * given and lets allowed requests through to a backend, so it stays on loopback unless the user
 * names another address explicitly ({@code --host}).
 */
public record BindAddress(InetAddress address) {
    /** The default: 127.0.0.1. */
    public static BindAddress loopback() {
        return new BindAddress(InetAddress.getLoopbackAddress());
    }

    /**
     * @param givenExplicitly whether the user asked for this host with {@code --host}
     * @throws IllegalArgumentException when the host is unknown, or not loopback and not given explicitly
     */
    public static BindAddress of(String host, boolean givenExplicitly) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host " + host);
        }
        if (!address.isLoopbackAddress() && !givenExplicitly) {
            throw new IllegalArgumentException("refusing to listen on " + host
                    + ", which is not a loopback address; give --host " + host + " to mean it");
        }
        return new BindAddress(address);
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** The address as it goes in a URL (IPv6 in brackets). */
    String urlHost() {
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }
}
