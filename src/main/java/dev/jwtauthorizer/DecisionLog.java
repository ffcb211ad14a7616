package dev.jwtauthorizer;

import dev.jwtauthorizer.crypto.ThreadDigest;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.log.DecisionLine;
import dev.jwtauthorizer.log.LogLevel;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.request.Credential;

/**
 * The one line each decision writes: outcome, reason and where the request came from, never the
 * credential. A JWT is named by a short digest, an API key by its entry's id alone: a digest of a
 * key is what configuration holds, so it is never written.
 */
final class DecisionLog {
    /** What checking the credential learnt that the line names, filled in as the check goes. */
    static final class Checked {
        /** The token header's alg, or null. */
        String algorithm;
        /** The token header's kid, or null. */
        String keyId;
        /** The id of the API key's entry, or null. */
        String apiKeyId;
        /** The reason a custom check gave for a deny or a reject, or null. */
        String checkReason;
        /** The UTF-8 bytes of a JWT's value as sent, once its shape passed; null before. */
        byte[] tokenText;
        /**
         * Whether the credential was read as a JWT (header and claims JSON): only then is it named by
         * tokenHash. A value of three dotted parts that is no JWT may be an API key, whose digest the
         * key list holds and the log must not.
         */
        boolean readAsJwt;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The token's SHA-256 for tokenHash, per thread and off the provider list (see ThreadDigest). */
    private static final ThreadDigest SHA_256 = new ThreadDigest("SHA-256");

    private DecisionLog() {
    }

    /**
     * @param request    null when the event could not be read
     * @param credential the credential and its source; null when none was found
     * @param checked    what the check learnt; null when it never began
     * @param start      System.nanoTime() when the decision began
     * @return the decision, for the caller's return statement
     */
    static Decision write(Decision decision, AuthorizerRequest request, Credential credential, Checked checked, long start) {
        long micros = (System.nanoTime() - start) / 1000;
        AuthorizerResponse response = decision.response();
        boolean jwt = credential != null && credential.kind() == Credential.Kind.JWT;
        DecisionLine.write(level(decision), decision.outcome().name(), decision.reason().name(), micros,
                response == null ? null : response.principalId(),
                request == null ? null : request.kind().name(),
                credential == null ? null : credential.kind().logName(),
                credential == null || credential.source() == null ? null : credential.source().toString(),
                checked == null ? null : checked.algorithm,
                checked == null ? null : checked.keyId,
                checked == null ? null : checked.apiKeyId,
                checked == null ? null : checked.checkReason,
                jwt && checked != null && checked.readAsJwt ? tokenHash(checked.tokenText) : null,
                request == null ? null : request.arn());
        return decision;
    }

    /** Rejections are worth a WARN (at WARN a log holds only what went wrong); failures an ERROR. */
    private static LogLevel level(Decision decision) {
        return switch (decision.outcome()) {
            case ALLOW -> LogLevel.INFO;
            case DENY, UNAUTHORIZED -> LogLevel.WARN;
            case ERROR -> LogLevel.ERROR;
        };
    }

    /**
     * A short, one-way digest of the token as sent: enough to correlate log lines, useless to replay.
     *
     * @param utf8 the value's UTF-8 bytes, as its shape check took them; null before that
     */
    private static String tokenHash(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        byte[] digest = SHA_256.digest(utf8);
        char[] hex = new char[16];
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = HEX[digest[i] >> 4 & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }
}
