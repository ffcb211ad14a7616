package dev.jwtauthorizer;

import dev.jwtauthorizer.apikeys.ApiKeyChecker;
import dev.jwtauthorizer.apikeys.ApiKeyList;
import dev.jwtauthorizer.config.ApiKeysConfig;
import dev.jwtauthorizer.config.AuthorizerConfig;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.keys.HmacSecret;
import dev.jwtauthorizer.keys.KeyCache;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.Refreshable;
import dev.jwtauthorizer.verify.TokenVerifier;
import dev.jwtauthorizer.verify.TokenVerifiers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What checks credentials, built once per container with its key material loaded: the token
 * verifier (keys and HMAC secrets per issuer), the API key checker (the key list) and the user's
 * custom check.
 *
 * @param apiKeys     null when API keys are not configured
 * @param remoteKeys  every cache of fetched material, refreshed at prime and after a restore
 * @param customCheck null when JWT_CUSTOM_CHECK is not set
 */
record Checkers(TokenVerifier verifier, ApiKeyChecker apiKeys, List<Refreshable> remoteKeys, CustomCheck customCheck) {
    Checkers {
        remoteKeys = List.copyOf(remoteKeys);
    }

    static Checkers load(AuthorizerConfig config, Clock clock, LongSupplier nanoClock, Executor background) {
        List<Refreshable> remoteKeys = new ArrayList<>();
        TokenVerifier verifier = TokenVerifiers.load(config.issuers(), config.leeway(), config.keyLifetime(), clock,
                nanoClock, background, remoteKeys, new RefuseUnusableHmacSecret());
        ApiKeyChecker apiKeys = apiKeys(config, nanoClock, background, remoteKeys);
        CustomCheck customCheck = config.customCheck() == null ? null : CustomCheck.load(config.customCheck());
        return new Checkers(verifier, apiKeys, remoteKeys, customCheck);
    }

    private static ApiKeyChecker apiKeys(AuthorizerConfig config, LongSupplier nanoClock, Executor background,
                                         List<Refreshable> remoteKeys) {
        ApiKeysConfig apiKeys = config.apiKeys();
        if (apiKeys == null) {
            return null;
        }
        KeySource source = apiKeys.keyList();
        KeyCache<ApiKeyList> list = new KeyCache<>(source, ApiKeyList::parse, TokenVerifiers.lifetime(source, config.keyLifetime()),
                Reason.SECRET_UNAVAILABLE, nanoClock, background);
        TokenVerifiers.start(list, source, remoteKeys);
        refuseUnusableSecret(list, source, apiKeys.setting(), "the API key list");
        return new ApiKeyChecker(list);
    }

    /**
     * {@link #refuseUnusableSecret} for HMAC secrets. Named classes, not lambdas, on the start path:
     * each lambda spins a class at cold start (docs/PERFORMANCE.md).
     */
    private static final class RefuseUnusableHmacSecret implements TokenVerifiers.SecretLoaded {
        @Override
        public void loaded(KeyCache<HmacSecret> secret, KeySource source) {
            refuseUnusableSecret(secret, source, Setting.JWT_HMAC_SECRET_ID, "an HMAC secret");
        }

        @Override
        public void published(KeySource source, String published) {
            throw new ConfigException(source.isRemote() ? Setting.JWT_HMAC_SECRET_ID : Setting.JWT_HMAC_SECRET,
                    (source.isRemote() ? source.describe() + " " : "") + "contains " + published + " in a configured key set: "
                    + "a published key in the shared secret lets anyone sign tokens; use a random secret of its own");
        }
    }

    /**
     * A secret that arrived at start but cannot be used (the console's key/value JSON, a trailing
     * newline, a public key, a bare API key, a plaintext key in the list) is a configuration mistake,
     * not an outage: stop the start and say so, rather than answer 500 until someone reads the log.
     * A secret that could not be fetched is left to the first request, which tries again; later
     * refreshes that bring unusable content keep the last good material.
     */
    private static void refuseUnusableSecret(KeyCache<?> secret, KeySource source, Setting setting, String what) {
        if (source.isRemote() && secret.contentProblem() != null) {
            throw new ConfigException(setting, source.describe() + " cannot be used as " + what + ": " + secret.contentProblem());
        }
    }
}
