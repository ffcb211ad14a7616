package dev.jwtauthorizer.aws;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The function's own credentials, looked up at each request for them: AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN when set (a Lambda function without SnapStart), else
 * the container credentials endpoint (a SnapStart function, ECS, EKS), whose answer is kept until
 * five minutes before it expires.
 *
 * <p>{@link #forget()} drops what is kept: after a SnapStart restore the kept credentials are as old
 * as the snapshot, and a refused request may mean they were withdrawn early.
 */
public final class CredentialsProvider {
    /** Fetched again this long before they expire, so no request is signed with credentials about to lapse. */
    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final Map<String, String> environment;
    private final Duration timeout;
    private final Clock clock;
    private AwsCredentials kept;

    /** @param environment looked up at each {@link #get()}, never copied */
    public CredentialsProvider(Map<String, String> environment, Duration timeout, Clock clock) {
        this.environment = environment;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * What is known before anything is fetched: credentials are configured somewhere, and in a form
     * that can be used.
     *
     * @throws AwsSettingException naming the variable that is missing or wrong, and what to do
     */
    public static void check(Map<String, String> environment) {
        if (isSet(environment, "AWS_ACCESS_KEY_ID") || isSet(environment, "AWS_SECRET_ACCESS_KEY")) {
            String missing = isSet(environment, "AWS_ACCESS_KEY_ID") ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID";
            if (!isSet(environment, missing)) {
                throw new AwsSettingException(missing, "is not set, but its partner is: set both AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), or neither");
            }
            return;
        }
        if (ContainerCredentials.endpoint(environment) == null) {
            throw new AwsSettingException("AWS_ACCESS_KEY_ID", "is not set, and neither is "
                    + ContainerCredentials.FULL_URI + ": reading secrets with JWT_SECRETS_VIA=api (the default) signs "
                    + "GetSecretValue with the function's own credentials, which Lambda provides in these; where the "
                    + "authorizer runs elsewhere set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
                    + "or set JWT_SECRETS_VIA=extension");
        }
    }

    /** Credentials to sign with now. */
    public synchronized AwsCredentials get() throws IOException {
        if (isSet(environment, "AWS_ACCESS_KEY_ID")) {
            if (!isSet(environment, "AWS_SECRET_ACCESS_KEY")) {
                throw new IOException("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
            }
            return new AwsCredentials(environment.get("AWS_ACCESS_KEY_ID").strip(),
                    environment.get("AWS_SECRET_ACCESS_KEY").strip(), environment.get("AWS_SESSION_TOKEN"), null);
        }
        if (kept != null && isFresh(kept)) {
            return kept;
        }
        URI endpoint;
        try {
            endpoint = ContainerCredentials.endpoint(environment);
        } catch (AwsSettingException e) {
            throw new IOException(e.getMessage());
        }
        if (endpoint == null) {
            throw new IOException("no AWS credentials: neither AWS_ACCESS_KEY_ID nor " + ContainerCredentials.FULL_URI + " is set");
        }
        kept = null;
        AwsCredentials fetched = ContainerCredentials.fetch(endpoint, environment, timeout);
        kept = fetched.expiration() == null ? null : fetched;
        return fetched;
    }

    /** The next {@link #get()} asks the endpoint again. */
    public synchronized void forget() {
        kept = null;
    }

    private boolean isFresh(AwsCredentials credentials) {
        Instant now = clock.instant();
        return now.isBefore(credentials.expiration().minus(REFRESH_BEFORE_EXPIRY));
    }

    private static boolean isSet(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value != null && !value.isBlank();
    }
}
