package dev.jwtauthorizer.keys;

import java.nio.charset.StandardCharsets;

/** Key material given in configuration itself: a key set (JWT_JWKS) or a secret (JWT_HMAC_SECRET). */
public final class InlineKeySource implements KeySource {
    private final byte[] document;
    private final String name;

    /** @param name the setting it came from, for logs */
    public InlineKeySource(String document, String name) {
        this.document = document.getBytes(StandardCharsets.UTF_8);
        this.name = name;
    }

    @Override
    public byte[] fetch() {
        return document.clone();
    }

    @Override
    public String describe() {
        return "inline " + name;
    }
}
