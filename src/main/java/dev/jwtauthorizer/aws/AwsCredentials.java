package dev.jwtauthorizer.aws;

import java.time.Instant;

/**
 * The function's AWS credentials: an access key pair, the session token that goes with temporary
 * credentials, and when they expire (null: not known, as for environment credentials).
 * {@link #toString()} names the key id only: the rest must never reach a log.
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("an access key id and a secret access key are both required");
        }
        sessionToken = sessionToken == null || sessionToken.isEmpty() ? null : sessionToken;
    }

    @Override
    public String toString() {
        return "AwsCredentials[" + accessKeyId + "]";
    }
}
