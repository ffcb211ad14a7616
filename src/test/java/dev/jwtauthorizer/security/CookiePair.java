package dev.jwtauthorizer.security;

/**
 * One cookie pair the request-event fuzz test places in a Cookie header or a payload 2.0 cookies
 * entry. Under the configured name with a credential it is read; under the configured name the only
 * text is the empty value, which reads nothing. The text of a pair of another name has no ';' or
 * ',', so that it cannot start a pair of its own.
 *
 * @param credential null for a pair with a text value
 * @param quoted     the value in double quotes, which RFC 6265 allows and the README says is read
 * @param bare       a credential alone, no name and no '=': a cookie with an empty name
 */
record CookiePair(String name, Credential credential, String text, boolean quoted, boolean bare) {
    CookiePair {
        if (credential == null && (bare || text.indexOf(';') >= 0 || text.indexOf(',') >= 0
                || name.equals(FuzzedRequestEvent.COOKIE) && !text.isEmpty())) {
            throw new IllegalArgumentException("text under the configured name, bare, or with a separator");
        }
    }

    static CookiePair of(String name, Credential credential) {
        return new CookiePair(name, credential, null, false, false);
    }

    /** Whether cookie:access_token reads this pair's credential. */
    boolean read() {
        return !bare && name.equals(FuzzedRequestEvent.COOKIE) && credential != null;
    }

    /** As the request carries it: name=value, the value possibly quoted. */
    String pair() {
        String value = credential == null ? text : credential.compact();
        return (bare ? "" : name + "=") + (quoted ? "\"" + value + "\"" : value);
    }

    @Override
    public String toString() {
        return (bare ? "(bare)" : name + "=") + (credential == null ? "text" : credential) + (quoted ? " quoted" : "");
    }
}
