package dev.jwtauthorizer;

import dev.jwtauthorizer.claims.ClaimPath;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.HttpApiResponse;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeyLifetime;
import dev.jwtauthorizer.keys.KeySet;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.log.CurrentInvocation;
import dev.jwtauthorizer.log.Invocation;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.log.LogSettings;
import dev.jwtauthorizer.policy.AuthorizerResponse;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.policy.PolicyBuilder;
import dev.jwtauthorizer.policy.Route;
import dev.jwtauthorizer.policy.SimpleResponse;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.request.EventReader;
import dev.jwtauthorizer.request.TokenSources;
import dev.jwtauthorizer.request.UnrecognisedEventException;
import dev.jwtauthorizer.rules.RouteRules;
import dev.jwtauthorizer.token.BearerToken;
import dev.jwtauthorizer.verify.IssuerVerifier;
import dev.jwtauthorizer.verify.TokenVerifier;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One request's path through the authorizer: extract the token, verify it, find the routes its
 * claims grant, build the policy, log the decision. Built once per container; the Lambda handler
 * and the command line both drive this same object.
 */
public final class Authorizer {
    private final AuthorizerConfig config;
    private final TokenVerifier verifier;
    private final List<Refreshable> remoteKeys;

    private Authorizer(AuthorizerConfig config, TokenVerifier verifier, List<Refreshable> remoteKeys) {
        this.config = config;
        this.verifier = verifier;
        this.remoteKeys = List.copyOf(remoteKeys);
    }

    /**
     * Reads the log settings and the configuration, and loads keys.
     *
     * @throws ConfigException naming the wrong setting
     */
    public static Authorizer fromEnvironment(Map<String, String> environment) {
        JsonLog.configure(LogSettings.fromEnvironment(environment));
        return create(AuthorizerConfig.fromEnvironment(environment), Clock.systemUTC());
    }

    public static Authorizer create(AuthorizerConfig config, Clock clock) {
        return create(config, clock, System::nanoTime, KeyCache.daemonThreads());
    }

    /**
     * @param nanoClock  the clock of key ages and cooldowns
     * @param background runs key refreshes due to age
     */
    static Authorizer create(AuthorizerConfig config, Clock clock, LongSupplier nanoClock, Executor background) {
        List<IssuerVerifier> issuers = new ArrayList<>();
        List<Refreshable> remoteKeys = new ArrayList<>();
        // Entries that name the same key set URL share one cache, and so one fetch; nothing else is shared.
        Map<String, KeySet> sharedKeySets = new HashMap<>();
        for (IssuerConfig issuer : config.issuers()) {
            KeySource source = issuer.keySource();
            KeySet keySet = source == null || source.sharedDocument() == null ? null : sharedKeySets.get(source.sharedDocument());
            if (source != null && keySet == null) {
                keySet = new KeySet(source, lifetime(config, source), nanoClock, background);
                if (source.sharedDocument() != null) {
                    sharedKeySets.put(source.sharedDocument(), keySet);
                }
                start(keySet, source, remoteKeys);
            }
            KeyCache<HmacSecret> secret = null;
            if (issuer.hmacSecret() != null) {
                secret = new KeyCache<>(issuer.hmacSecret(), bytes -> HmacSecret.parse(bytes, issuer.algorithms()),
                        lifetime(config, issuer.hmacSecret()), Reason.SECRET_UNAVAILABLE, nanoClock, background);
                start(secret, issuer.hmacSecret(), remoteKeys);
                refuseUnusableSecret(secret, issuer.hmacSecret());
            }
            issuers.add(new IssuerVerifier(issuer, keySet, secret, config.leeway(), clock));
        }
        JsonLog.info("authorizer_ready", "issuers", config.issuers().stream().flatMap(i -> i.issuers().stream()).toList());
        return new Authorizer(config, new TokenVerifier(issuers), remoteKeys);
    }

    private static KeyLifetime lifetime(AuthorizerConfig config, KeySource source) {
        return source.isRemote() ? config.keyLifetime() : KeyLifetime.FOREVER;
    }

    /**
     * Loads keys during initialisation. Local keys were checked when the configuration was read; a
     * remote source that is down now may be up for the first request, which tries again.
     */
    private static void start(Refreshable keys, KeySource source, List<Refreshable> remoteKeys) {
        if (source.isRemote()) {
            remoteKeys.add(keys);
        }
        if (!keys.prefetch() && !source.isRemote()) {
            throw new IllegalStateException("local keys checked at start no longer load: " + source.describe());
        }
    }

    /**
     * A secret that arrived at start but cannot be used (the console's key/value JSON, a trailing
     * newline, a public key) is a configuration mistake, not an outage: stop the start and say so,
     * rather than answer 500 until someone reads the log. A secret that could not be fetched is left
     * to the first request, which tries again.
     */
    private static void refuseUnusableSecret(KeyCache<HmacSecret> secret, KeySource source) {
        if (source.isRemote() && secret.contentProblem() != null) {
            throw new ConfigException(Setting.JWT_HMAC_SECRET_ID,
                    source.describe() + " cannot be used as an HMAC secret: " + secret.contentProblem());
        }
    }

    /** A REST API TOKEN event's decision. Never throws, like {@link #authorize(Map)}. */
    public Decision authorize(String authorizationToken, String methodArn) {
        return authorize(AuthorizerRequest.token(authorizationToken, methodArn));
    }

    /**
     * The decision for one invocation's event: {@link #authorize(Map)}, with every line written
     * meanwhile on this thread carrying the invocation's keys.
     */
    public Decision authorize(Map<String, Object> event, Invocation invocation) {
        Invocation outer = CurrentInvocation.enter(invocation);
        try {
            return authorize(event);
        } finally {
            CurrentInvocation.leave(outer);
        }
    }

    /**
     * The decision for an authorizer event of any kind, as the Lambda runtime hands it over. Never
     * throws: every failure becomes a decision, and none of them is an accidental Allow. An event of
     * no kind this authorizer knows is an ERROR (a wiring mistake), logged by its shape.
     */
    public Decision authorize(Map<String, Object> event) {
        AuthorizerRequest request;
        try {
            request = EventReader.read(event);
        } catch (UnrecognisedEventException e) {
            JsonLog.error("unrecognised_event", "arrived", e.getMessage(),
                    "expected", "an API Gateway REST TOKEN or REQUEST, HTTP API or WebSocket $connect authorizer event");
            return DecisionLog.write(Decision.refused(Reason.UNRECOGNISED_EVENT), null, null, null, null, System.nanoTime());
        } catch (RuntimeException e) {
            JsonLog.error("internal_error", "exception", e.getClass().getName());
            return DecisionLog.write(Decision.refused(Reason.INTERNAL_ERROR), null, null, null, null, System.nanoTime());
        }
        return authorize(request);
    }

    /** The decision for a request already read from its event. Never throws. */
    public Decision authorize(AuthorizerRequest request) {
        long start = System.nanoTime();
        Decision decision;
        VerifiedToken token = null;
        TokenSources.Found found = null;
        String algorithm = null;
        String keyId = null;
        try {
            found = config.tokenSources().find(request);
            String compact = BearerToken.extract(found.value(), config.maxTokenLength());
            MethodArn arn = parseMethodArn(request.arn());
            token = verifier.verify(compact);
            decision = decide(token, request, arn);
        } catch (TokenRejectedException e) {
            decision = Decision.refused(e.reason());
            algorithm = e.algorithm();
            keyId = e.keyId();
        } catch (KeysUnavailableException e) {
            decision = Decision.refused(e.reason());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours must not open the door: closed, logged by type only (messages may quote input).
            JsonLog.error("internal_error", "exception", e.getClass().getName());
            decision = Decision.refused(Reason.INTERNAL_ERROR);
        }
        if (token != null) {
            algorithm = token.algorithm().name();
            keyId = token.keyId();
        }
        return DecisionLog.write(decision, request, found, algorithm, keyId, start);
    }

    /**
     * Runs the request path before a SnapStart snapshot, so that class loading, key import and the
     * first verifications are paid once, at deployment, instead of by the first request of each
     * restored instance. Remote keys are fetched again, so the snapshot holds the freshest there are
     * (and holds them even when the fetch at initialisation failed). The fast crypto provider is
     * installed first, so that the snapshot holds it loaded and its paths primed.
     */
    public void prime() {
        CorrettoCrypto.install();
        remoteKeys.forEach(Refreshable::refreshNow);
        Priming.run(this);
    }

    /**
     * After a SnapStart restore: keys and secrets fetched before the snapshot may be days old, so
     * fetch them again now. Keys given inline or as a file cannot have changed.
     */
    public void afterRestore() {
        int refreshed = 0;
        for (Refreshable keys : remoteKeys) {
            refreshed += keys.refreshNow() ? 1 : 0;
        }
        if (!remoteKeys.isEmpty()) {
            JsonLog.info("restored", "keySourcesRefreshed", refreshed, "keySources", remoteKeys.size());
        }
    }

    private static MethodArn parseMethodArn(String methodArn) {
        try {
            return MethodArn.parse(methodArn);
        } catch (MethodArn.OutOfLimitsException e) {
            throw new TokenRejectedException(Reason.METHOD_ARN_OUT_OF_LIMITS);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.INVALID_METHOD_ARN);
        }
    }

    private Decision decide(VerifiedToken token, AuthorizerRequest request, MethodArn arn) {
        String principal = token.scalar(config.principalClaim());
        if (principal == null || principal.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_PRINCIPAL);
        }
        PolicyBuilder policy = PolicyBuilder.forRequest(arn).principalId(principal);
        RouteRules rules = token.issuer().rules();
        if (rules == null) {
            policy.allowAllRoutes();
        } else {
            for (Route route : rules.routesFor(token)) {
                // A WebSocket route key never matches an HTTP request, nor a verb and path a connection.
                if (route.isWebSocket() == arn.isWebSocketRoute()) {
                    policy.allow(route);
                }
            }
        }
        for (ClaimPath claim : config.contextClaims()) {
            Object value = token.contextValue(claim);
            if (value instanceof String text) {
                policy.context(claim.text(), text);
            } else if (value instanceof Number number) {
                policy.context(claim.text(), number);
            } else if (value instanceof Boolean flag) {
                policy.context(claim.text(), flag);
            }
        }
        if (config.usageIdentifierClaim() != null && request.kind().hasUsagePlans()) {
            String key = token.scalar(config.usageIdentifierClaim());
            if (key != null) {
                policy.usageIdentifierKey(key);
            }
        }
        AuthorizerResponse response = policy.build();
        boolean allowed = response.permits(arn);
        Map<String, Object> answer = request.kind() == ApiKind.HTTP_API_V2 && config.httpApiResponse() == HttpApiResponse.SIMPLE
                ? SimpleResponse.toMap(response, allowed)
                : response.toMap();
        return new Decision(allowed ? Reason.ROUTE_ALLOWED : Reason.ROUTE_NOT_ALLOWED, response, answer);
    }
}
