package dev.jwtauthorizer.keys;

import java.nio.charset.StandardCharsets;

/** A key set given inline in configuration (JWT_JWKS). */
public final class InlineKeySource implements KeySource {
    private final byte[] document;

    public InlineKeySource(String document) {
        this.document = document.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] fetch() {
        return document.clone();
    }

    @Override
    public String describe() {
        return "inline JWT_JWKS";
    }
}
