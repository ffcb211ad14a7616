package dev.jwtauthorizer;

import dev.jwtauthorizer.apikeys.ApiKeyChecker;
import dev.jwtauthorizer.apikeys.ApiKeyEntry;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.IssuerConfig;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import dev.jwtauthorizer.crypto.JdkCryptoWarmUp;
import dev.jwtauthorizer.decision.Decision;
import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.keys.Refreshes;
import dev.jwtauthorizer.log.CurrentInvocation;
import dev.jwtauthorizer.log.Invocation;
import dev.jwtauthorizer.log.JsonLog;
import dev.jwtauthorizer.log.LogSettings;
import dev.jwtauthorizer.policy.MethodArn;
import dev.jwtauthorizer.request.AuthorizerRequest;
import dev.jwtauthorizer.request.Credential;
import dev.jwtauthorizer.request.CredentialFinder;
import dev.jwtauthorizer.request.EventReader;
import dev.jwtauthorizer.request.UnrecognisedEventException;
import dev.jwtauthorizer.token.BearerToken;
import dev.jwtauthorizer.token.CompactJws;
import dev.jwtauthorizer.verify.TokenVerifier;
import dev.jwtauthorizer.verify.VerifiedToken;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * One request's path through the authorizer: find its credential (a JWT or an API key), check it,
 * find the routes it grants, let the custom check (JWT_CUSTOM_CHECK) have its say, build the
 * answer, log the decision. Built once per container; the
 * Lambda handler and the command line both drive this same object.
 */
public final class Authorizer {
    /**
     * The one clock of key ages: priming's authorizers share it with the real one, so the JIT sees
     * one class at that call, not a second one the first real request deoptimises.
     */
    static final LongSupplier NANO_CLOCK = new SystemNanoTime();

    private final AuthorizerConfig config;
    private final CredentialFinder credentials;
    private final TokenVerifier verifier;
    /** Null when API keys are not configured. */
    private final ApiKeyChecker apiKeys;
    private final List<Refreshable> remoteKeys;
    private final Answers answers;

    private Authorizer(AuthorizerConfig config, Checkers checkers) {
        this.config = config;
        this.credentials = new CredentialFinder(config.apiKeysOnly() ? null : config.tokenSources(),
                config.apiKeys() == null ? null : config.apiKeys().sources());
        this.verifier = checkers.verifier();
        this.apiKeys = checkers.apiKeys();
        this.remoteKeys = checkers.remoteKeys();
        this.answers = new Answers(config, checkers.customCheck());
    }

    /**
     * Reads the log settings and the configuration, and loads keys; the JDK's crypto is set up
     * meanwhile on another thread.
     *
     * @throws ConfigException naming the wrong setting
     */
    public static Authorizer fromEnvironment(Map<String, String> environment) {
        JdkCryptoWarmUp.startInBackground();
        JsonLog.configure(LogSettings.fromEnvironment(environment));
        return create(AuthorizerConfig.fromEnvironment(environment), Clock.systemUTC());
    }

    public static Authorizer create(AuthorizerConfig config, Clock clock) {
        return create(config, clock, NANO_CLOCK, KeyCache.daemonThreads());
    }

    /**
     * @param nanoClock  the clock of key ages and cooldowns
     * @param background runs key refreshes due to age
     */
    static Authorizer create(AuthorizerConfig config, Clock clock, LongSupplier nanoClock, Executor background) {
        Checkers checkers = Checkers.load(config, clock, nanoClock, background);
        List<String> issuers = new ArrayList<>();
        for (IssuerConfig issuer : config.issuers()) {
            issuers.addAll(issuer.issuers());
        }
        JsonLog.info("authorizer_ready", "issuers", List.copyOf(issuers),
                "apiKeys", config.apiKeys() == null ? null : config.apiKeys().keyList().describe(),
                "customCheck", config.customCheck());
        return new Authorizer(config, checkers);
    }

    AuthorizerConfig config() {
        return config;
    }

    /** Whether API keys are configured: priming then exercises their path too. */
    boolean acceptsApiKeys() {
        return apiKeys != null;
    }

    /** Whether any JWT issuer is configured (not API keys only). */
    boolean acceptsJwts() {
        return !config.apiKeysOnly();
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
            return DecisionLog.write(Decision.refused(Reason.UNRECOGNISED_EVENT), null, null, null, System.nanoTime());
        } catch (RuntimeException e) {
            JsonLog.error("internal_error", "exception", e.getClass().getName());
            return DecisionLog.write(Decision.refused(Reason.INTERNAL_ERROR), null, null, null, System.nanoTime());
        }
        return authorize(request);
    }

    /** The decision for a request already read from its event. Never throws. */
    public Decision authorize(AuthorizerRequest request) {
        long start = System.nanoTime();
        Decision decision;
        Credential credential = null;
        DecisionLog.Checked checked = new DecisionLog.Checked();
        try {
            credential = credentials.find(request);
            if (!request.identitySourceHolds(credential)) {
                throw new TokenRejectedException(Reason.CREDENTIAL_NOT_IN_IDENTITY_SOURCE);
            }
            decision = credential.kind() == Credential.Kind.JWT
                    ? decideForToken(credential, request, checked)
                    : decideForApiKey(credential, request, checked);
        } catch (TokenRejectedException e) {
            decision = Decision.refused(e.reason());
            checked.readAsJwt |= e.headerRead();
            checked.algorithm = checked.algorithm == null ? e.algorithm() : checked.algorithm;
            checked.keyId = checked.keyId == null ? e.keyId() : checked.keyId;
        } catch (KeysUnavailableException e) {
            decision = Decision.refused(e.reason());
            // For a JWT, keys are looked for once it has been read.
            checked.readAsJwt = true;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours must not open the door: closed, logged by type only (messages may quote input).
            JsonLog.error("internal_error", "exception", e.getClass().getName());
            decision = Decision.refused(Reason.INTERNAL_ERROR);
        }
        return DecisionLog.write(decision, request, credential, checked, start);
    }

    private Decision decideForToken(Credential credential, AuthorizerRequest request, DecisionLog.Checked checked) {
        CompactJws compact = BearerToken.extract(credential.value(), config.maxTokenLength());
        checked.tokenText = compact.text();
        MethodArn arn = parseMethodArn(request.arn());
        VerifiedToken token = verifier.verify(compact);
        checked.readAsJwt = true;
        checked.algorithm = token.algorithm().name();
        checked.keyId = token.keyId();
        return answers.forToken(token, request, arn, checked);
    }

    private Decision decideForApiKey(Credential credential, AuthorizerRequest request, DecisionLog.Checked checked) {
        MethodArn arn = parseMethodArn(request.arn());
        ApiKeyEntry entry = apiKeys.check(credential.presented());
        checked.apiKeyId = entry.id();
        return answers.forApiKey(entry, request, arn, checked);
    }

    /**
     * Runs the request path before a SnapStart snapshot, so that class loading, key import and the
     * first verifications are paid once, at deployment, instead of by the first request of each
     * restored instance. Remote keys are fetched again, so the snapshot holds the freshest there are
     * (and holds them even when the fetch at initialisation failed). The fast crypto provider is
     * installed first, so that the snapshot holds it loaded and its paths primed. Priming calls
     * {@link #authorize(Map)} directly; {@link #prime(PrimingEntry.Factory)} goes through a handler.
     */
    public void prime() {
        prime(null);
    }

    /**
     * {@link #prime()} through the entry the platform calls (the Lambda handler's), so that what
     * surrounds the authorizer there is warmed too.
     *
     * @param entries makes that entry around an authorizer; null for none
     */
    public void prime(PrimingEntry.Factory entries) {
        CorrettoCrypto.install();
        Refreshes.refreshAll(remoteKeys);
        if (entries == null) {
            Priming.run(this);
        } else {
            Priming.run(this, entries);
        }
    }

    /**
     * After a SnapStart restore: keys and secrets fetched before the snapshot may be days old, so
     * fetch them again now, all at once. Keys given inline or as a file cannot have changed.
     */
    public void afterRestore() {
        int refreshed = Refreshes.refreshAll(remoteKeys);
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

    /**
     * System.nanoTime. Named classes, not lambdas, on the start path: each lambda spins a class at
     * cold start (docs/PERFORMANCE.md).
     */
    private static final class SystemNanoTime implements LongSupplier {
        @Override
        public long getAsLong() {
            return System.nanoTime();
        }
    }
}
