package dev.jwtauthorizer.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One place a REQUEST event may carry the token, written {@code kind:name} in JWT_TOKEN_SOURCES:
 * {@code header:Authorization}, {@code cookie:access_token}, {@code query:token} or
 * {@code protocol:bearer} (the entry after "bearer" in Sec-WebSocket-Protocol, where browsers put
 * what they cannot send as a header on a WebSocket handshake).
 */
public record TokenSource(Kind kind, String name) {
    public enum Kind { HEADER, COOKIE, QUERY, PROTOCOL }

    private static final String PROTOCOL_HEADER = "sec-websocket-protocol";

    public TokenSource {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " source needs a name, like "
                    + example(kind));
        }
        // A loop, not chars().allMatch: streams cost classes on the way to a cold start's first answer.
        boolean valid = true;
        for (int i = 0; valid && i < name.length(); i++) {
            valid = kind == Kind.QUERY ? isQueryNameChar(name.charAt(i)) : isTokenChar(name.charAt(i));
        }
        if (!valid) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid "
                    + kind.name().toLowerCase(Locale.ROOT) + " name (" + (kind == Kind.QUERY
                    ? "no spaces, control characters, &, =, # or ,"
                    : "letters, digits and !#$%&'*+-.^_`|~ only") + ")");
        }
    }

    /** Parses {@code kind:name}. @throws IllegalArgumentException saying what is wrong */
    public static TokenSource parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not of the form kind:name "
                    + "(header:Authorization, cookie:access_token, query:token, protocol:bearer)");
        }
        String kind = text.substring(0, colon);
        for (Kind candidate : Kind.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(kind)) {
                return new TokenSource(candidate, text.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown source kind \"" + kind + "\" in \"" + text
                + "\" (use header, cookie, query or protocol)");
    }

    /** What the source reads, as a request sees it: header names in any case are one header. */
    String place() {
        return kind + ":" + (kind == Kind.HEADER ? AuthorizerRequest.headerKey(name) : name);
    }

    /** Every value this source has in the request, as sent, empty ones left out. */
    List<String> valuesIn(AuthorizerRequest request) {
        List<String> values = new ArrayList<>(1);
        switch (kind) {
            case HEADER -> values.addAll(request.header(name));
            case QUERY -> values.addAll(request.queryParameter(name));
            case COOKIE -> {
                for (String header : request.header("cookie")) {
                    values.addAll(CookieHeader.values(header, name));
                }
                for (String entry : request.cookies()) {
                    values.addAll(CookieHeader.values(entry, name));
                }
            }
            case PROTOCOL -> {
                for (String header : request.header(PROTOCOL_HEADER)) {
                    values.addAll(afterMarker(header));
                }
            }
        }
        values.removeIf(String::isEmpty);
        return values;
    }

    /** Sec-WebSocket-Protocol is a comma-separated list; the token is the entry right after the marker. */
    private List<String> afterMarker(String header) {
        String[] entries = header.split(",", -1);
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < entries.length; i++) {
            if (CookieHeader.trimOptionalWhitespace(entries[i]).equals(name)) {
                values.add(i + 1 < entries.length ? CookieHeader.trimOptionalWhitespace(entries[i + 1]) : "");
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    private static String example(Kind kind) {
        return switch (kind) {
            case HEADER -> "header:Authorization";
            case COOKIE -> "cookie:access_token";
            case QUERY -> "query:token";
            case PROTOCOL -> "protocol:bearer";
        };
    }

    /** RFC 9110 token characters: what header, cookie and subprotocol names are made of. */
    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static boolean isQueryNameChar(int c) {
        return c > ' ' && c < 127 && c != '&' && c != '=' && c != '#' && c != ',';
    }
}
