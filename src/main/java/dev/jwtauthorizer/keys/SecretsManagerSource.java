package dev.jwtauthorizer.keys;

import dev.jwtauthorizer.aws.AwsCredentials;
import dev.jwtauthorizer.aws.CredentialsProvider;
import dev.jwtauthorizer.aws.SecretsManagerEndpoint;
import dev.jwtauthorizer.aws.SigV4Signer;
import dev.jwtauthorizer.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A secret read from AWS Secrets Manager itself: GetSecretValue, POSTed in the JSON 1.1 protocol and
 * signed (SigV4) with the function's own credentials. No extension, so SnapStart stays on; no SDK, so
 * no SDK start-up. The answer is read by {@link GetSecretValueAnswer}, exactly as the extension's.
 *
 * <p>An error answer is an IOException naming its status and its {@code __type} (the error's kind,
 * such as AccessDeniedException), never its message. An answer saying the credentials are not good
 * (expired, unknown, signature refused) also drops the kept container credentials, so the next fetch
 * signs with fresh ones. Nothing of the credentials, the signature or the answer reaches a message.
 */
public final class SecretsManagerSource implements KeySource {
    private static final int MAX_BYTES = 64 * 1024;
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("ExpiredTokenException", "UnrecognizedClientException",
            "InvalidSignatureException", "InvalidClientTokenId", "IncompleteSignature");

    private final String secretId;
    private final String jsonKey;
    private final SecretsManagerEndpoint endpoint;
    private final CredentialsProvider credentials;
    private final Duration timeout;
    private final Clock clock;
    private final byte[] body;

    /** @param jsonKey the member of the SecretString's JSON object that holds the secret; null: the whole SecretString */
    public SecretsManagerSource(String secretId, String jsonKey, SecretsManagerEndpoint endpoint, CredentialsProvider credentials,
                                Duration timeout, Clock clock) {
        this.secretId = secretId;
        this.jsonKey = jsonKey;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.body = Json.write(Map.of("SecretId", secretId)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] fetch() throws IOException {
        AwsCredentials signer = credentials.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-amz-json-1.1");
        headers.put("X-Amz-Target", "secretsmanager.GetSecretValue");
        headers.put("X-Amz-Date", SigV4Signer.amzDate(clock.instant().getEpochSecond()));
        if (signer.sessionToken() != null) {
            headers.put("X-Amz-Security-Token", signer.sessionToken());
        }
        Map<String, String> signed = new LinkedHashMap<>(headers);
        signed.put("Host", HttpFetch.hostHeader(endpoint.uri()));
        headers.put("Authorization", SigV4Signer.authorization(signer, endpoint.region(), SecretsManagerEndpoint.SERVICE,
                "POST", endpoint.uri().getRawPath(), null, signed, SigV4Signer.sha256Hex(body)));
        byte[] answer;
        try {
            answer = HttpFetch.post(endpoint.uri(), timeout, MAX_BYTES, headers, body);
        } catch (HttpStatusException e) {
            String type = errorType(e.errorBody());
            // Set.of's contains throws on null: a body without __type (a proxy's HTML page) has none.
            if (e.status() == 403 || type != null && CREDENTIAL_ERRORS.contains(type)) {
                credentials.forget();
            }
            throw new IOException("HTTP status " + e.status() + (type == null ? "" : " (" + type + ")")
                    + " from Secrets Manager at " + endpoint.uri().getHost());
        }
        return GetSecretValueAnswer.secret(answer, jsonKey, "Secrets Manager's answer");
    }

    /**
     * The error's kind from the JSON 1.1 error body's {@code __type} (namespace dropped), when it is a
     * plain name; null otherwise. The message beside it is never read.
     */
    static String errorType(byte[] errorBody) {
        Object type;
        try {
            Map<String, Object> document = Json.asObject(Json.read(errorBody));
            type = document == null ? null : document.get("__type");
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(type instanceof String text)) {
            return null;
        }
        String name = text.substring(text.lastIndexOf('#') + 1);
        return name.matches("[A-Za-z0-9_.]{1,100}") ? name : null;
    }

    /** After a SnapStart restore the kept container credentials are as old as the snapshot. */
    @Override
    public void forgetCredentials() {
        credentials.forget();
    }

    @Override
    public boolean isRemote() {
        return true;
    }

    @Override
    public String describe() {
        return jsonKey == null ? "secret " + secretId : "secret " + secretId + " member " + jsonKey;
    }
}
