package dev.jwtauthorizer.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What API Gateway makes of an authorizer's answer, judged from the JSON it receives: the function
 * failing with exactly "Unauthorized" is a 401, any other failure or an answer of the wrong shape a
 * 500; a simple response lets the request through when isAuthorized is true; a policy when an Allow
 * statement's resource matches the request's ARN and no Deny does (IAM wildcards), else 403.
 */
public final class ApiGateway {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public enum Status { ALLOWED, FORBIDDEN_403, UNAUTHORIZED_401, ERROR_500 }

    /**
     * @param answer   the handler's answer as API Gateway reads it back from JSON; null after a failure
     * @param decision the authorizer's decision log line; null when it logged none
     */
    public record Response(Status status, Map<String, Object> answer, JsonNode decision) {
    }

    private ApiGateway() {
    }

    /**
     * Runs one event through the handler as the Lambda runtime does (event read from JSON text by the
     * runtime's serializer, answer written by it) and judges the answer.
     *
     * @param simpleResponses whether the API expects HTTP API simple responses rather than policies
     */
    public static Response invoke(AuthorizerHandler handler, Map<String, Object> event, String arn, boolean simpleResponses) {
        return invoke(handler, Tokens.json(event), arn, simpleResponses);
    }

    /** The same for an event's JSON text, as a file or a capture holds it. */
    public static Response invoke(AuthorizerHandler handler, String eventJson, String arn, boolean simpleResponses) {
        Object[] outcome = new Object[1];
        String log = LogCapture.capture(() -> {
            try {
                outcome[0] = Events.toJson(handler.handleRequest(Events.fromJson(eventJson), null));
            } catch (RuntimeException e) {
                outcome[0] = e;
            }
        });
        JsonNode decision = decisionLine(log);
        if (outcome[0] instanceof RuntimeException failure) {
            return new Response(failed(failure.getMessage()), null, decision);
        }
        Map<String, Object> answer = read((String) outcome[0]);
        return new Response(judge(answer, arn, simpleResponses), answer, decision);
    }

    /** The status a function failing with this error message gets. */
    public static Status failed(String errorMessage) {
        return "Unauthorized".equals(errorMessage) ? Status.UNAUTHORIZED_401 : Status.ERROR_500;
    }

    /** The status for an answer the function returned, as API Gateway reads it. */
    public static Status judge(Map<String, Object> answer, String arn, boolean simpleResponses) {
        if (simpleResponses) {
            return answer.get("isAuthorized") instanceof Boolean authorized
                    ? authorized ? Status.ALLOWED : Status.FORBIDDEN_403
                    : Status.ERROR_500;
        }
        if (!(answer.get("principalId") instanceof String)
                || !(answer.get("policyDocument") instanceof Map<?, ?> policy)
                || !(policy.get("Statement") instanceof List<?> statements)) {
            return Status.ERROR_500;
        }
        boolean allowed = false;
        for (Object item : statements) {
            if (!(item instanceof Map<?, ?> statement) || !"execute-api:Invoke".equals(statement.get("Action"))) {
                continue;
            }
            boolean matches = resources(statement.get("Resource")).stream().anyMatch(r -> iamMatches(r, arn));
            if (matches && "Deny".equals(statement.get("Effect"))) {
                return Status.FORBIDDEN_403;
            }
            allowed |= matches && "Allow".equals(statement.get("Effect"));
        }
        return allowed ? Status.ALLOWED : Status.FORBIDDEN_403;
    }

    /** IAM resource matching: {@code *} any run of characters, {@code ?} any one. */
    public static boolean iamMatches(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
            regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(arn).matches();
    }

    private static List<String> resources(Object resource) {
        List<String> resources = new ArrayList<>();
        if (resource instanceof String single) {
            resources.add(single);
        } else if (resource instanceof List<?> list) {
            list.forEach(r -> resources.add(String.valueOf(r)));
        }
        return resources;
    }

    private static JsonNode decisionLine(String log) {
        JsonNode decision = null;
        for (String line : log.split("\n")) {
            if (line.contains("\"event\":\"decision\"")) {
                try {
                    decision = MAPPER.readTree(line);
                } catch (Exception e) {
                    throw new AssertionError("a log line is not JSON: " + line, e);
                }
            }
        }
        return decision;
    }

    private static Map<String, Object> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new AssertionError("the runtime wrote an answer that is not a JSON object: " + json, e);
        }
    }
}
