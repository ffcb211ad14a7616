package dev.jwtauthorizer;

import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.request.TokenSources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one line each decision writes: outcome, reason and where the request came from, never the token. */
final class DecisionLog {
    private DecisionLog() {
    }

    /**
     * @param request   null when the event could not be read
     * @param found     the token's value and source; null when none was found
     * @param algorithm the token header's alg, or null
     * @param keyId     the token header's kid, or null
     * @param start     System.nanoTime() when the decision began
     * @return the decision, for the caller's return statement
     */
    static Decision write(Decision decision, AuthorizerRequest request, TokenSources.Found found,
                          String algorithm, String keyId, long start) {
        AuthorizerResponse response = decision.response();
        JsonLog.write(decision.outcome() == Outcome.ERROR ? "ERROR" : "INFO", "decision",
                "outcome", decision.outcome().name(),
                "reason", decision.reason().name(),
                "principal", response == null ? null : response.principalId(),
                "api", request == null ? null : request.kind().name(),
                "source", found == null || found.source() == null ? null : found.source().toString(),
                "alg", algorithm,
                "kid", keyId,
                "tokenHash", tokenHash(found == null ? null : found.value()),
                "methodArn", request == null ? null : request.arn(),
                "micros", (System.nanoTime() - start) / 1000);
        return decision;
    }

    /** A short, one-way digest of the token as sent: enough to correlate log lines, useless to replay. */
    private static String tokenHash(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
