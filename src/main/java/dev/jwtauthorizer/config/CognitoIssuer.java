package dev.jwtauthorizer.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Cognito user pools: the issuer a pool id stands for, and the pool an issuer URL belongs to.
 * A pool's URL given as a plain issuer would pass its ID tokens as API tokens, as only the pool
 * setting checks token_use and client_id; so such an issuer is refused with the setting to use.
 */
final class CognitoIssuer {
    /** Compiled only when needed: java.util.regex is not loaded on the usual start path. */
    private static final class Patterns {
        // Pool ids are "{region}_{id}"; the region names the endpoint.
        static final Pattern POOL_ID = Pattern.compile("((?:[a-z]{2}|us-gov|cn)-[a-z]+-\\d+)_[0-9A-Za-z]+");
        static final Pattern POOL_URL = Pattern.compile(
                "https?://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?/([^/?#]+)/?", Pattern.CASE_INSENSITIVE);
    }

    private CognitoIssuer() {
    }

    /** The issuer of the pool whose id is given. */
    static String of(IssuerFields fields, String poolId) {
        Matcher matcher = Patterns.POOL_ID.matcher(poolId);
        if (!matcher.matches()) {
            throw fields.error(Setting.JWT_COGNITO_USER_POOL_ID, "\"" + poolId + "\" is not a user pool id like eu-west-1_AbC123xyz");
        }
        String region = matcher.group(1);
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return "https://cognito-idp." + region + "." + domain + "/" + poolId;
    }

    /** Stops the start when a configured plain issuer is a user pool's. */
    static void refuseAsPlainIssuer(IssuerFields fields, String issuer) {
        // POOL_URL matches ASCII letters in any case only, so an issuer without this text cannot match.
        if (!issuer.toLowerCase(Locale.ROOT).contains("cognito-idp.")) {
            return;
        }
        Matcher matcher = Patterns.POOL_URL.matcher(issuer);
        if (matcher.matches()) {
            String poolId = matcher.group(1);
            throw fields.error(Setting.JWT_ISSUER, issuer + " is the issuer of Cognito user pool " + poolId + "; set "
                    + fields.assignment(Setting.JWT_COGNITO_USER_POOL_ID, poolId) + " instead, so that token_use and "
                    + "client_id are checked (and leave " + fields.name(Setting.JWT_ISSUER) + " unset)");
        }
    }
}
