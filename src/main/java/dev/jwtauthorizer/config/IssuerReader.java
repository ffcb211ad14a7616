package dev.jwtauthorizer.config;

import dev.jwtauthorizer.config.IssuerConfig.CognitoTokenUse;
import dev.jwtauthorizer.keys.HttpKeySource;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.keys.KeySource;
import dev.jwtauthorizer.keys.OidcDiscoveryKeySource;
import dev.jwtauthorizer.rules.RouteRules;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads one issuer's settings, from the variables or from an entry of JWT_ISSUERS. */
final class IssuerReader {
    private final KeysReader keys;
    private final ConfigFiles files;
    private final Duration timeout;

    IssuerReader(KeysReader keys, ConfigFiles files, Duration timeout) {
        this.keys = keys;
        this.files = files;
        this.timeout = timeout;
    }

    /** One issuer; with OIDC discovery and several iss values, one per value (each has its own keys). */
    List<IssuerConfig> read(IssuerFields fields) {
        String poolId = fields.get(Setting.JWT_COGNITO_USER_POOL_ID);
        Set<String> issuers;
        CognitoTokenUse tokenUse = null;
        if (poolId != null) {
            if (fields.get(Setting.JWT_ISSUER) != null) {
                throw fields.error(Setting.JWT_ISSUER, "is set, but the issuer of a Cognito user pool is derived from "
                        + fields.name(Setting.JWT_COGNITO_USER_POOL_ID) + "; leave it unset");
            }
            issuers = Set.of(CognitoIssuer.of(fields, poolId));
            tokenUse = cognitoTokenUse(fields);
        } else {
            if (fields.get(Setting.JWT_COGNITO_TOKEN_USE) != null) {
                throw fields.error(Setting.JWT_COGNITO_TOKEN_USE, "is set but "
                        + fields.name(Setting.JWT_COGNITO_USER_POOL_ID) + " is not");
            }
            issuers = fields.requiredList(Setting.JWT_ISSUER);
            for (String issuer : issuers) {
                CognitoIssuer.refuseAsPlainIssuer(fields, issuer);
            }
        }
        Set<String> audiences = fields.requiredList(Setting.JWT_AUDIENCE);
        Set<JwsAlgorithm> algorithms = algorithms(fields);
        Set<String> tokenTypes = fields.list(Setting.JWT_TOKEN_TYPES);
        boolean publicKeys = false;
        for (JwsAlgorithm algorithm : algorithms) {
            publicKeys |= algorithm.family() != KeyFamily.HMAC;
        }
        KeysReader.ExplicitKeys explicitKeys = keys.explicitKeys(fields, publicKeys);
        KeySource hmacSecret = keys.hmacSecret(fields, algorithms, explicitKeys.local());
        RouteRules rules = rules(fields);
        if (!publicKeys || explicitKeys.source() != null) {
            return List.of(new IssuerConfig(issuers, audiences, algorithms, tokenTypes, explicitKeys.source(), hmacSecret,
                    tokenUse, rules));
        }
        List<IssuerConfig> each = new ArrayList<>();
        for (String issuer : issuers) {
            KeySource derived = poolId != null
                    ? new HttpKeySource(URI.create(issuer + "/.well-known/jwks.json"), timeout, KeysReader.MAX_JWKS_BYTES)
                    : discovery(fields, issuer);
            each.add(new IssuerConfig(Set.of(issuer), audiences, algorithms, tokenTypes, derived, hmacSecret, tokenUse, rules));
        }
        return each;
    }

    private static CognitoTokenUse cognitoTokenUse(IssuerFields fields) {
        String value = fields.get(Setting.JWT_COGNITO_TOKEN_USE);
        if (value == null) {
            return CognitoTokenUse.ACCESS;
        }
        for (CognitoTokenUse use : CognitoTokenUse.values()) {
            if (use.claimValue().equals(value.toLowerCase(Locale.ROOT))) {
                return use;
            }
        }
        throw fields.error(Setting.JWT_COGNITO_TOKEN_USE, "\"" + value + "\" is neither access nor id");
    }

    private KeySource discovery(IssuerFields fields, String issuer) {
        try {
            return new OidcDiscoveryKeySource(issuer, timeout, KeysReader.MAX_JWKS_BYTES);
        } catch (IllegalArgumentException e) {
            String file = fields instanceof EnvironmentFields ? ", " + Setting.JWT_JWKS_FILE.name() : "";
            throw fields.error(Setting.JWT_ISSUER, "without " + fields.name(Setting.JWT_JWKS_URI) + file + " or "
                    + fields.name(Setting.JWT_JWKS) + " the keys are found by OIDC discovery from the issuer, but " + e.getMessage());
        }
    }

    private static Set<JwsAlgorithm> algorithms(IssuerFields fields) {
        Set<JwsAlgorithm> algorithms = EnumSet.noneOf(JwsAlgorithm.class);
        for (String name : fields.list(Setting.JWT_ALGORITHMS)) {
            if (name.toLowerCase(Locale.ROOT).equals("none")) {
                throw fields.error(Setting.JWT_ALGORITHMS, "\"none\" would accept unsigned tokens and is never allowed");
            }
            JwsAlgorithm algorithm = JwsAlgorithm.byName(name).orElse(null);
            if (algorithm == null) {
                throw fields.error(Setting.JWT_ALGORITHMS, "unknown algorithm \"" + name + "\" (known: "
                        + List.of(JwsAlgorithm.values()) + ")");
            }
            algorithms.add(algorithm);
        }
        if (algorithms.isEmpty()) {
            throw fields.error(Setting.JWT_ALGORITHMS, "allows no algorithm");
        }
        return algorithms;
    }

    /** JWT_RULES, or the file JWT_RULES_FILE names (a variable only, never an entry's field). */
    private RouteRules rules(IssuerFields fields) {
        String inline = fields.get(Setting.JWT_RULES);
        String file = fields.get(Setting.JWT_RULES_FILE);
        if (inline != null && file != null) {
            throw fields.error(Setting.JWT_RULES, "and JWT_RULES_FILE are both set; use one");
        }
        String json = inline != null ? inline : file != null ? files.read(Setting.JWT_RULES_FILE, file) : null;
        if (json == null) {
            return null;
        }
        try {
            return RouteRules.parse(json);
        } catch (IllegalArgumentException e) {
            throw fields.error(inline != null ? Setting.JWT_RULES : Setting.JWT_RULES_FILE, e.getMessage());
        }
    }
}
