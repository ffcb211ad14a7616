package dev.jwtauthorizer.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.request.ApiKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The example events in events/ and what their names promise: the prefix names the kind of API
 * ({@code http-api-v1-}, {@code http-api-}, {@code rest-request-}, {@code websocket-connect-}, none
 * for REST TOKEN), the rest the outcome ({@code valid-token}, {@code valid-es256-token} or
 * {@code valid-api-key} through,
 * {@code forbidden-route} a 403, anything else a 401).
 */
public final class BundledEvents {
    public static final Path DIRECTORY = Path.of("events");
    public static final Path ENV_VARS = DIRECTORY.resolve("env.json");
    public static final String FUNCTION = "JwtAuthorizerFunction";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, Reason> REASONS_BY_NAME = Map.of(
            "missing-token", Reason.MISSING_TOKEN,
            "expired-token", Reason.EXPIRED,
            "bad-signature", Reason.BAD_SIGNATURE,
            "wrong-audience", Reason.WRONG_AUDIENCE,
            "conflicting-tokens", Reason.AMBIGUOUS_TOKEN,
            "conflicting-credentials", Reason.AMBIGUOUS_CREDENTIALS,
            "wrong-api-key", Reason.API_KEY_NOT_RECOGNISED,
            "forbidden-route", Reason.ROUTE_NOT_ALLOWED);

    private BundledEvents() {
    }

    /** Every event file, env.json left out, in name order. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> !p.equals(ENV_VARS) && p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ApiKind kind(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith("http-api-v1-")) {
            return ApiKind.HTTP_API_V1;
        }
        if (name.startsWith("http-api-")) {
            return ApiKind.HTTP_API_V2;
        }
        if (name.startsWith("rest-request-")) {
            return ApiKind.REST_REQUEST;
        }
        return name.startsWith("websocket-connect-") ? ApiKind.WEBSOCKET : ApiKind.REST_TOKEN;
    }

    public static ApiGateway.Status promised(Path file) {
        String name = file.getFileName().toString();
        if (name.contains("valid-token") || name.contains("valid-es256-token") || name.contains("valid-api-key")) {
            return ApiGateway.Status.ALLOWED;
        }
        return name.contains("forbidden-route") ? ApiGateway.Status.FORBIDDEN_403 : ApiGateway.Status.UNAUTHORIZED_401;
    }

    /** The decision reason a refused event's name promises, or null when the name names none. */
    public static Reason promisedReason(Path file) {
        String name = file.getFileName().toString();
        for (Map.Entry<String, Reason> promise : REASONS_BY_NAME.entrySet()) {
            if (name.contains(promise.getKey())) {
                return promise.getValue();
            }
        }
        return null;
    }

    /** The methodArn, or a payload 2.0 event's routeArn: what a policy's resources are matched against. */
    public static String arn(String eventJson) {
        JsonNode event = read(eventJson);
        return event.path(event.has("routeArn") ? "routeArn" : "methodArn").asText();
    }

    /** env.json's section for the function, as `sam local invoke --env-vars` passes it. */
    public static Map<String, String> environment() {
        JsonNode section;
        try {
            section = MAPPER.readTree(ENV_VARS.toFile()).path(FUNCTION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!section.isObject()) {
            throw new AssertionError(ENV_VARS + " has no section for " + FUNCTION);
        }
        Map<String, String> env = new LinkedHashMap<>();
        section.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** Whether the API this file is for expects simple responses, under env.json's JWT_HTTP_API_RESPONSE. */
    public static boolean simpleResponses(Path file) {
        String setting = environment().getOrDefault("JWT_HTTP_API_RESPONSE", "");
        return kind(file) == ApiKind.HTTP_API_V2 && !setting.equals("policy");
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
