package dev.jwtauthorizer.support;

import java.util.UUID;

/** Credentials a fake AWS endpoint accepts or hands out; the session token may be null. */
public record FakeCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    /** Fresh temporary credentials, as the container endpoint or STS makes them. */
    public static FakeCredentials temporary() {
        String id = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        return new FakeCredentials("ASIA" + id.substring(0, 16), "secret-" + UUID.randomUUID(), "session-" + UUID.randomUUID());
    }
}
