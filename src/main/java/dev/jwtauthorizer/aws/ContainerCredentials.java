package dev.jwtauthorizer.aws;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.keys.HttpFetch;
import dev.jwtauthorizer.keys.RemoteUrl;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The container credentials endpoint, as Lambda provides it to SnapStart functions (and ECS and EKS
 * to their tasks): a GET to AWS_CONTAINER_CREDENTIALS_FULL_URI (or ECS's AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)
 * with the token of AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE, else AWS_CONTAINER_AUTHORIZATION_TOKEN, in
 * its Authorization header; the answer is {@code {AccessKeyId, SecretAccessKey, Token, Expiration}}.
 * No message quotes the token or the answer.
 */
final class ContainerCredentials {
    static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    private static final String ECS_HOST = "http://169.254.170.2";
    /** Besides loopback, the link-local addresses the SDKs accept plain HTTP to (ECS, EKS Pod Identity). */
    private static final Set<String> LINK_LOCAL_HOSTS = Set.of("169.254.170.2", "169.254.170.23", "[fd00:ec2::23]");
    private static final int MAX_BYTES = 16 * 1024;

    private ContainerCredentials() {
    }

    /**
     * The endpoint the environment names; null when it names none.
     *
     * @throws AwsSettingException when the URL is malformed or plain http:// to a host other than loopback
     */
    static URI endpoint(Map<String, String> environment) {
        String full = environment.get(FULL_URI);
        if (full != null && !full.isBlank()) {
            return check(FULL_URI, full.strip());
        }
        String relative = environment.get(RELATIVE_URI);
        if (relative != null && !relative.isBlank()) {
            return check(RELATIVE_URI, ECS_HOST + relative.strip());
        }
        return null;
    }

    private static URI check(String variable, String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new AwsSettingException(variable, "is not a URL");
        }
        if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && LINK_LOCAL_HOSTS.contains(uri.getHost())) {
            return uri;
        }
        try {
            return RemoteUrl.check(uri);
        } catch (IllegalArgumentException e) {
            throw new AwsSettingException(variable, "must be an https:// URL, or http:// to loopback or the container "
                    + "credentials addresses (169.254.170.2, 169.254.170.23, fd00:ec2::23)");
        }
    }

    /** Fresh credentials from the endpoint. */
    static AwsCredentials fetch(URI endpoint, Map<String, String> environment, Duration timeout) throws IOException {
        String token = authorizationToken(environment);
        Map<String, String> headers = token == null ? Map.of("Accept", "application/json")
                : Map.of("Accept", "application/json", "Authorization", token);
        byte[] answer = HttpFetch.get(endpoint, timeout, MAX_BYTES, headers);
        Map<String, Object> document;
        try {
            document = Json.asObject(Json.read(answer));
        } catch (IllegalArgumentException e) {
            throw new IOException("the container credentials endpoint's answer is not JSON");
        }
        String accessKeyId = document == null ? null : Json.text(document, "AccessKeyId");
        String secretAccessKey = document == null ? null : Json.text(document, "SecretAccessKey");
        if (accessKeyId == null || accessKeyId.isEmpty() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IOException("the container credentials endpoint's answer lacks AccessKeyId or SecretAccessKey");
        }
        String expiration = Json.text(document, "Expiration");
        Instant expires;
        try {
            expires = expiration == null ? null : Instant.parse(expiration);
        } catch (DateTimeParseException e) {
            throw new IOException("the container credentials endpoint's Expiration is not an ISO-8601 time");
        }
        return new AwsCredentials(accessKeyId, secretAccessKey, Json.text(document, "Token"), expires);
    }

    /** The token file wins, as in the SDKs: it is the one that is rotated (EKS). Read at each fetch. */
    private static String authorizationToken(Map<String, String> environment) throws IOException {
        String file = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new IOException("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (" + file.strip() + "): "
                        + e.getClass().getSimpleName());
            }
        }
        String token = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        return token == null || token.isBlank() ? null : token.strip();
    }
}
