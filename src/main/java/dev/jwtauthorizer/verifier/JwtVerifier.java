package dev.jwtauthorizer.verifier;

import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.decision.TokenRejectedException;
import dev.jwtauthorizer.keys.JwsAlgorithm;
import dev.jwtauthorizer.keys.KeyFamily;
import dev.jwtauthorizer.token.BearerToken;
import dev.jwtauthorizer.verify.TokenVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Verifies JSON Web Tokens with the checks and key handling of the jwt-authorizer function itself.
 * Build one per set of trusted issuers, once, and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.builder()
 *         .issuer("https://login.example.com")
 *         .audience("books-api")
 *         .algorithms("RS256", "ES256")
 *         .build();   // keys found by OIDC discovery from the issuer, or give jwksUri(...)
 *
 * try {
 *     VerifiedJwt jwt = verifier.verify(token);
 *     String tenant = jwt.stringClaim("tenant");
 *     List<String> scopes = jwt.stringsClaim("scope");
 * } catch (JwtRejectedException e) {
 *     // 401: e.reason() says why (EXPIRED, WRONG_AUDIENCE, BAD_SIGNATURE, ...)
 * } catch (JwtVerifierUnavailableException e) {
 *     // 500/503: no keys could be had; the token may be genuine. Never let the request through.
 * }
 * }</pre>
 *
 * <p>What {@link #verify(String)} checks, in order: the token's length (at most 8192 characters) and
 * shape (three base64url segments; a leading {@code Bearer } is accepted), a strict reading of its
 * header and payload, no {@code crit} header, {@code iss} equal to a configured issuer (before any
 * key is looked at), the algorithm against the allow-list ({@code none} in any spelling is never
 * allowed), {@code typ} when token types are configured, the key by {@code kid} and the signature,
 * {@code exp} (required), {@code nbf} and {@code iat} with the leeway, then {@code aud} (any one of
 * the audiences) or, for Cognito, {@code token_use} and {@code client_id}. Header fields that name
 * keys ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are never followed.
 *
 * <p>Keys: a key set URL or OIDC discovery is fetched when the verifier is built (one that is down
 * then is tried again by the first {@link #verify}), refreshed in the background after 10 minutes,
 * and served for up to an hour while refreshes fail; then {@code verify} throws
 * {@link JwtVerifierUnavailableException} until a fetch succeeds. A token whose {@code kid} is not
 * in the set causes a refetch at once, at most one per 30 seconds, so a flood of made-up {@code kid}s
 * costs one fetch per 30 seconds and a newly published key is learned on its first use. Fetches time
 * out after 2 seconds, accept only HTTPS (plain HTTP to 127.0.0.1, ::1 or localhost only) and follow
 * no redirects. Key fetches are logged as JSON lines on standard error ({@code keys_loaded},
 * {@code keys_fetch_failed}); tokens, secrets and signatures never are.
 */
public final class JwtVerifier {
    private final TokenVerifier tokens;

    JwtVerifier(TokenVerifier tokens) {
        this.tokens = tokens;
    }

    /** A verifier for any issuer: give issuers, audiences and, unless OIDC discovery finds them, the keys. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A verifier for the tokens of an Amazon Cognito user pool. The issuer
     * ({@code https://cognito-idp.{region}.amazonaws.com/{userPoolId}}) and the key set URL (the
     * issuer's {@code /.well-known/jwks.json}) are derived from the pool id; give the app client ids
     * with {@link CognitoBuilder#clientId(String...)}.
     *
     * @param userPoolId like {@code eu-west-1_AbC123xyz}; checked by {@link CognitoBuilder#build()}
     */
    public static CognitoBuilder cognito(String userPoolId) {
        return new CognitoBuilder(VerifierAssembly.required("JwtVerifier.cognito(...)", userPoolId,
                "the user pool id, like eu-west-1_AbC123xyz"));
    }

    /**
     * Verifies a compact JWS, or an Authorization header value {@code Bearer <jwt>}.
     *
     * @return the verified token's claims
     * @throws JwtRejectedException            the token does not pass; {@link JwtRejectedException#reason()} says why
     * @throws JwtVerifierUnavailableException no usable keys can be had now: not the client's fault
     */
    public VerifiedJwt verify(String token) {
        try {
            return new VerifiedJwt(tokens.verify(BearerToken.extract(token, VerifierAssembly.MAX_TOKEN_LENGTH)));
        } catch (TokenRejectedException e) {
            throw new JwtRejectedException(e.reason());
        } catch (KeysUnavailableException e) {
            throw new JwtVerifierUnavailableException(e.reason(), e.getMessage());
        }
    }

    /**
     * Configures a {@link JwtVerifier} for one or more issuers that share keys and settings. Not
     * thread-safe; {@link #build()} checks every value and says what is wrong and what to do.
     */
    public static final class Builder {
        private final Set<String> issuers = new LinkedHashSet<>();
        private final Set<String> audiences = new LinkedHashSet<>();
        private final Set<String> algorithms = new LinkedHashSet<>();
        private final Set<String> tokenTypes = new LinkedHashSet<>();
        private String jwksUri;
        private String jwks;
        private byte[] hmacSecret;
        private Duration leeway = VerifierAssembly.DEFAULT_LEEWAY;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Accepted {@code iss} values (required): a token's {@code iss} must equal one exactly. Adds to those given before. */
        public Builder issuer(String... issuers) {
            VerifierAssembly.add(this.issuers, "issuer(...)", issuers);
            return this;
        }

        /** Accepted audiences (required): a token's {@code aud} must contain at least one. Adds to those given before. */
        public Builder audience(String... audiences) {
            VerifierAssembly.add(this.audiences, "audience(...)", audiences);
            return this;
        }

        /**
         * The allowed algorithms, replacing the default {@code RS256}: RS256/384/512, PS256/384/512,
         * ES256/384/512, HS256/384/512. An HS algorithm needs {@link #hmacSecret(byte[])}; the others
         * need public keys ({@link #jwksUri(String)}, {@link #jwks(String)} or OIDC discovery).
         */
        public Builder algorithms(String... algorithms) {
            this.algorithms.clear();
            VerifierAssembly.add(this.algorithms, "algorithms(...)", algorithms);
            return this;
        }

        /**
         * The key set URL: {@code https://...}, or {@code http://} to 127.0.0.1, ::1 or localhost only
         * ({@code file:/path} reads a local file once). Without it and {@link #jwks(String)}, the keys
         * are found by OpenID Connect discovery from each issuer.
         */
        public Builder jwksUri(String jwksUri) {
            this.jwksUri = VerifierAssembly.required("jwksUri(...)", jwksUri, "the key set URL, like https://login.example.com/jwks.json");
            return this;
        }

        /** The key set itself, as JSON ({@code {"keys":[...]}}), checked by {@link #build()}: for static keys. */
        public Builder jwks(String jwks) {
            this.jwks = VerifierAssembly.required("jwks(...)", jwks, "the key set as JSON, like {\"keys\":[...]}");
            return this;
        }

        /**
         * The shared secret for HS256/384/512: random bytes, at least 32/48/64 of them, never a
         * published key. The bytes are copied.
         */
        public Builder hmacSecret(byte[] secret) {
            if (secret == null) {
                throw new IllegalArgumentException("hmacSecret(...) was given null; give the shared secret's bytes");
            }
            this.hmacSecret = secret.clone();
            return this;
        }

        /** Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}: 0 to 5 minutes, 5 seconds unless set. */
        public Builder leeway(Duration leeway) {
            this.leeway = VerifierAssembly.leeway(leeway);
            return this;
        }

        /**
         * Accepted {@code typ} header values, compared ignoring case and an {@code application/} prefix
         * ({@code at+jwt} refuses ID tokens). Unset: {@code typ} is not checked.
         */
        public Builder tokenTypes(String... tokenTypes) {
            VerifierAssembly.add(this.tokenTypes, "tokenTypes(...)", tokenTypes);
            return this;
        }

        /** For tests: the clock token times are checked against. */
        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks every value and loads the keys (fetching a key set URL or discovery document once).
         *
         * @throws IllegalArgumentException saying what is wrong and what to do instead
         */
        public JwtVerifier build() {
            if (issuers.isEmpty()) {
                throw new IllegalArgumentException("issuer(...) is required: give the exact iss value of your tokens, "
                        + "like https://login.example.com (for a Cognito user pool use JwtVerifier.cognito(userPoolId))");
            }
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("audience(...) is required: give the aud value(s) your tokens carry "
                        + "for this API; a token must have at least one of them");
            }
            boolean hmacAllowed = algorithms.stream().anyMatch(name -> JwsAlgorithm.byName(name)
                    .filter(algorithm -> algorithm.family() == KeyFamily.HMAC).isPresent());
            if (hmacAllowed && hmacSecret == null) {
                throw new IllegalArgumentException("hmacSecret(...) is required when algorithms(...) allows HS256, HS384 or HS512");
            }
            Map<Setting, String> values = new EnumMap<>(Setting.class);
            values.put(Setting.JWT_ISSUER, String.join(",", issuers));
            values.put(Setting.JWT_AUDIENCE, String.join(",", audiences));
            VerifierAssembly.putList(values, Setting.JWT_ALGORITHMS, algorithms);
            VerifierAssembly.putList(values, Setting.JWT_TOKEN_TYPES, tokenTypes);
            VerifierAssembly.putValue(values, Setting.JWT_JWKS_URI, jwksUri);
            VerifierAssembly.putValue(values, Setting.JWT_JWKS, jwks);
            return VerifierAssembly.build(values, hmacSecret, names(), leeway, clock);
        }

        private static Map<Setting, String> names() {
            return Map.of(Setting.JWT_ISSUER, "issuer(...)", Setting.JWT_AUDIENCE, "audience(...)",
                    Setting.JWT_ALGORITHMS, "algorithms(...)", Setting.JWT_JWKS_URI, "jwksUri(...)",
                    Setting.JWT_JWKS, "jwks(...)", Setting.JWT_HMAC_SECRET, "hmacSecret(...)",
                    Setting.JWT_TOKEN_TYPES, "tokenTypes(...)", Setting.JWT_COGNITO_USER_POOL_ID, "JwtVerifier.cognito(...)");
        }
    }

    /**
     * Configures a {@link JwtVerifier} for an Amazon Cognito user pool. Not thread-safe;
     * {@link #build()} checks every value and says what is wrong and what to do.
     */
    public static final class CognitoBuilder {
        private final String userPoolId;
        private final Set<String> clientIds = new LinkedHashSet<>();
        private TokenUse tokenUse = TokenUse.ACCESS;
        private Duration leeway = VerifierAssembly.DEFAULT_LEEWAY;
        private Clock clock = Clock.systemUTC();
        private String jwksUri;

        private CognitoBuilder(String userPoolId) {
            this.userPoolId = userPoolId;
        }

        /**
         * The app client ids whose tokens are accepted (required): checked in {@code client_id} for
         * access tokens and in {@code aud} for ID tokens. Adds to those given before.
         */
        public CognitoBuilder clientId(String... clientIds) {
            VerifierAssembly.add(this.clientIds, "clientId(...)", clientIds);
            return this;
        }

        /** Which tokens are accepted, by their {@code token_use}: {@link TokenUse#ACCESS} unless set. */
        public CognitoBuilder tokenUse(TokenUse tokenUse) {
            if (tokenUse == null) {
                throw new IllegalArgumentException("tokenUse(...) was given null; give TokenUse.ACCESS or TokenUse.ID");
            }
            this.tokenUse = tokenUse;
            return this;
        }

        /** Clock skew allowed on {@code exp}, {@code nbf} and {@code iat}: 0 to 5 minutes, 5 seconds unless set. */
        public CognitoBuilder leeway(Duration leeway) {
            this.leeway = VerifierAssembly.leeway(leeway);
            return this;
        }

        /** For tests: the clock token times are checked against. */
        CognitoBuilder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** For tests: the pool's own key set URL is off this machine (the function's JWT_JWKS_URI does the same). */
        CognitoBuilder jwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
            return this;
        }

        /**
         * Checks every value and fetches the pool's key set once.
         *
         * @throws IllegalArgumentException saying what is wrong and what to do instead
         */
        public JwtVerifier build() {
            if (clientIds.isEmpty()) {
                throw new IllegalArgumentException("clientId(...) is required: give the app client id(s) of the user pool "
                        + "whose tokens this API accepts");
            }
            return VerifierAssembly.build(values(), null, NAMES, leeway, clock);
        }

        /** The settings as the function's variables would give them. */
        Map<Setting, String> values() {
            Map<Setting, String> values = new EnumMap<>(Setting.class);
            values.put(Setting.JWT_COGNITO_USER_POOL_ID, userPoolId);
            values.put(Setting.JWT_AUDIENCE, String.join(",", clientIds));
            values.put(Setting.JWT_COGNITO_TOKEN_USE, tokenUse.claimValue());
            VerifierAssembly.putValue(values, Setting.JWT_JWKS_URI, jwksUri);
            return values;
        }

        static final Map<Setting, String> NAMES = Map.of(Setting.JWT_COGNITO_USER_POOL_ID, "JwtVerifier.cognito(...)",
                Setting.JWT_AUDIENCE, "clientId(...)", Setting.JWT_COGNITO_TOKEN_USE, "tokenUse(...)",
                Setting.JWT_JWKS_URI, "jwksUri(...)");
    }
}
