package dev.jwtauthorizer.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads issuers whose settings are given in code (the library's {@code JwtVerifier} builders) with
 * the reader the function's variables go through: algorithms, key sources (https only, or http on
 * loopback; an inline key set checked now), HMAC secret rules, Cognito pool ids and OIDC discovery
 * are checked by the same code, and a mistake is refused the same way.
 */
public final class IssuersInCode {
    private IssuersInCode() {
    }

    /**
     * @param values       per-issuer settings (JWT_ISSUER, JWT_AUDIENCE, JWT_ALGORITHMS, JWT_JWKS_URI, JWT_JWKS,
     *                     JWT_TOKEN_TYPES, JWT_COGNITO_USER_POOL_ID, JWT_COGNITO_TOKEN_USE), lists joined with commas
     * @param hmacSecret   the HS secret as JWT_HMAC_SECRET takes it ({@code base64:} for binary); null for none
     * @param names        how the user gives each setting in code ("jwksUri(...)"): messages name it so
     * @param fetchTimeout connect and read timeout of key set and discovery fetches
     * @return one entry per issuer (several when OIDC discovery finds each issuer's keys on its own)
     * @throws IllegalArgumentException saying which setting is wrong, what is wrong and what to do instead
     */
    public static List<IssuerConfig> read(Map<Setting, String> values, String hmacSecret, Map<Setting, String> names,
                                          Duration fetchTimeout) {
        for (Setting setting : values.keySet()) {
            if (setting.issuerField() == null || setting == Setting.JWT_RULES || setting == Setting.JWT_HMAC_SECRET
                    || setting == Setting.JWT_HMAC_SECRET_ID || setting == Setting.JWT_HMAC_SECRET_JSON_KEY) {
                throw new IllegalArgumentException(setting + " is not a setting given in code");
            }
        }
        ConfigFiles files = new ConfigFiles(null);
        // No environment: a Secrets Manager secret is not offered in code, so nothing reads one.
        IssuerReader reader = new IssuerReader(new KeysReader(Map.of(), files, fetchTimeout), files, fetchTimeout);
        try {
            return reader.read(new CodeIssuerFields(values, hmacSecret, names));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
