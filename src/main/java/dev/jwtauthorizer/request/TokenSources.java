package dev.jwtauthorizer.request;

import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered places a REQUEST event may carry the token (JWT_TOKEN_SOURCES). A request that
 * carries different tokens in two places, or twice in one, is refused: which one the client meant
 * cannot be known, and a guess could let a second, planted credential decide.
 */
public final class TokenSources {
    private static final String SCHEME = "Bearer ";

    private final List<TokenSource> sources;

    public TokenSources(List<TokenSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("at least one source is needed, like header:Authorization");
        }
        Set<String> seen = new HashSet<>();
        for (TokenSource source : sources) {
            if (!seen.add(source.place())) {
                throw new IllegalArgumentException(source + " is listed twice"
                        + (source.kind() == TokenSource.Kind.HEADER ? " (header names are case-insensitive)" : "")
                        + "; list each place once");
            }
        }
        this.sources = List.copyOf(sources);
    }

    /** Parses {@code header:Authorization,cookie:access_token}. @throws IllegalArgumentException saying what is wrong */
    public static TokenSources parse(String list) {
        List<TokenSource> sources = new ArrayList<>();
        String[] entries = list.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException("entry " + (i + 1) + " of " + entries.length + " is empty; separate "
                        + "sources with single commas, like header:Authorization,cookie:access_token");
            }
            sources.add(TokenSource.parse(entry));
        }
        return new TokenSources(sources);
    }

    public List<TokenSource> sources() {
        return sources;
    }

    /**
     * The token value as the request carried it ({@code Bearer <jwt>} or bare), and where from.
     *
     * @throws TokenRejectedException MISSING_TOKEN when no source has a value, AMBIGUOUS_TOKEN when two values differ
     */
    public Found find(AuthorizerRequest request) {
        if (request.kind() == ApiKind.REST_TOKEN) {
            String value = request.authorizationToken();
            if (value == null || value.isEmpty()) {
                throw new TokenRejectedException(Reason.MISSING_TOKEN);
            }
            return new Found(value, null);
        }
        Found found = null;
        Set<String> tokens = new HashSet<>(2);
        for (TokenSource source : sources) {
            for (String value : source.valuesIn(request)) {
                tokens.add(withoutScheme(value));
                if (found == null) {
                    found = new Found(value, source);
                }
            }
        }
        if (found == null) {
            throw new TokenRejectedException(Reason.MISSING_TOKEN);
        }
        if (tokens.size() > 1) {
            throw new TokenRejectedException(Reason.AMBIGUOUS_TOKEN);
        }
        return found;
    }

    /** The same token sent as {@code Bearer x} in a header and as {@code x} in a cookie is one token. */
    private static String withoutScheme(String value) {
        return value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? value.substring(SCHEME.length()) : value;
    }

    /** @param source where the value came from; null for a TOKEN event's identity value */
    public record Found(String value, TokenSource source) {
    }

    @Override
    public String toString() {
        return String.join(",", sources.stream().map(TokenSource::toString).toList());
    }
}
