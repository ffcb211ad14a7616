package dev.jwtauthorizer;

import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.KeySetUnavailableException;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.InlineKeySource;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.policy.PolicyBuilder;
import dev.jwtauthorizer.token.BearerToken;
import dev.jwtauthorizer.verify.TokenVerifier;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;

/**
 * One request's path through the authorizer: extract the token, verify it, find the routes its
 * claims grant, build the policy, log the decision. Built once per container; the Lambda handler
 * and the command line both drive this same object.
 */
public final class Authorizer {
    private final AuthorizerConfig config;
    private final KeySet keySet;
    private final TokenVerifier verifier;
    private final boolean logDecisions;

    private Authorizer(AuthorizerConfig config, KeySet keySet, TokenVerifier verifier, boolean logDecisions) {
        this.config = config;
        this.keySet = keySet;
        this.verifier = verifier;
        this.logDecisions = logDecisions;
    }

    /** Reads the configuration and loads keys. @throws ConfigException naming the wrong setting */
    public static Authorizer fromEnvironment(Map<String, String> environment) {
        return create(AuthorizerConfig.fromEnvironment(environment), Clock.systemUTC());
    }

    public static Authorizer create(AuthorizerConfig config, Clock clock) {
        return create(config, clock, true);
    }

    /** @param logDecisions false only for priming, whose synthetic decisions have no place in the log */
    static Authorizer create(AuthorizerConfig config, Clock clock, boolean logDecisions) {
        KeySet keySet = null;
        if (config.keySource() != null) {
            keySet = new KeySet(config.keySource(), config.jwksRefreshCooldown());
            if (config.keySourceIsLocal()) {
                // Local keys that do not load are a configuration mistake: fail the start.
                try {
                    keySet.load();
                } catch (IOException | RuntimeException e) {
                    Setting setting = config.keySource() instanceof InlineKeySource ? Setting.JWT_JWKS : Setting.JWT_JWKS_URI;
                    throw new ConfigException(setting, "cannot load the key set: " + e.getMessage());
                }
            } else {
                // A remote set that is down now may be up for the first request: try again then.
                keySet.prefetch();
            }
        }
        TokenVerifier verifier = new TokenVerifier(config.algorithms(), config.tokenTypes(), config.issuers(), config.audiences(),
                keySet, config.hmacSecret(), config.leeway(), clock);
        if (logDecisions) {
            JsonLog.info("authorizer_ready", "issuers", config.issuers(), "audiences", config.audiences(),
                    "algorithms", config.algorithms(), "rules", config.rules() == null ? 0 : config.rules().rules().size());
        }
        return new Authorizer(config, keySet, verifier, logDecisions);
    }

    /** Never throws: every failure becomes a decision, and none of them is an accidental Allow. */
    public Decision authorize(String authorizationToken, String methodArn) {
        long start = System.nanoTime();
        Decision decision;
        VerifiedToken token = null;
        String algorithm = null;
        String keyId = null;
        try {
            String compact = BearerToken.extract(authorizationToken, config.maxTokenLength());
            MethodArn request = parseMethodArn(methodArn);
            token = verifier.verify(compact);
            decision = decide(token, request);
        } catch (TokenRejectedException e) {
            decision = new Decision(e.reason(), null);
            algorithm = e.algorithm();
            keyId = e.keyId();
        } catch (KeySetUnavailableException e) {
            decision = new Decision(Reason.KEY_SET_UNAVAILABLE, null);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours must not open the door: closed, logged by type only (messages may quote input).
            JsonLog.write("ERROR", "internal_error", "exception", e.getClass().getName());
            decision = new Decision(Reason.INTERNAL_ERROR, null);
        }
        if (token != null) {
            algorithm = token.algorithm().name();
            keyId = token.keyId();
        }
        if (!logDecisions) {
            return decision;
        }
        AuthorizerResponse response = decision.response();
        JsonLog.write(decision.outcome() == Outcome.ERROR ? "ERROR" : "INFO", "decision",
                "outcome", decision.outcome().name(),
                "reason", decision.reason().name(),
                "principal", response == null ? null : response.principalId(),
                "alg", algorithm,
                "kid", keyId,
                "tokenHash", tokenHash(authorizationToken),
                "methodArn", methodArn,
                "micros", (System.nanoTime() - start) / 1000);
        return decision;
    }

    /**
     * Runs the request path before a SnapStart snapshot, so that class loading, key import and the
     * first verifications are paid once, at deployment, instead of by the first request of each
     * restored instance.
     */
    public void prime() {
        Priming.run(this);
    }

    /**
     * After a SnapStart restore: a key set fetched before the snapshot may be days old, so fetch it
     * again now. Keys given inline or as a file cannot have changed.
     */
    public void afterRestore() {
        if (keySet != null && !config.keySourceIsLocal()) {
            boolean fresh = keySet.refreshNow();
            JsonLog.info("restored", "keySetRefreshed", fresh);
        }
    }

    private static MethodArn parseMethodArn(String methodArn) {
        try {
            return MethodArn.parse(methodArn);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.INVALID_METHOD_ARN);
        }
    }

    private Decision decide(VerifiedToken token, MethodArn request) {
        String principal = token.scalar(config.principalClaim());
        if (principal == null || principal.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_PRINCIPAL);
        }
        PolicyBuilder policy = PolicyBuilder.forRequest(request).principalId(principal);
        if (config.rules() == null) {
            policy.allowAllRoutes();
        } else {
            config.rules().routesFor(token).forEach(policy::allow);
        }
        for (String claim : config.contextClaims()) {
            Object value = token.contextValue(claim);
            if (value instanceof String text) {
                policy.context(claim, text);
            } else if (value instanceof Number number) {
                policy.context(claim, number);
            } else if (value instanceof Boolean flag) {
                policy.context(claim, flag);
            }
        }
        if (config.usageIdentifierClaim() != null) {
            String key = token.scalar(config.usageIdentifierClaim());
            if (key != null) {
                policy.usageIdentifierKey(key);
            }
        }
        AuthorizerResponse response = policy.build();
        return new Decision(response.permits(request) ? Reason.ROUTE_ALLOWED : Reason.ROUTE_NOT_ALLOWED, response);
    }

    /** A short, one-way digest of the token: enough to correlate log lines, useless to replay. */
    private static String tokenHash(String authorizationToken) {
        if (authorizationToken == null || authorizationToken.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(authorizationToken.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
