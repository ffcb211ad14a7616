package dev.jwtauthorizer.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import java.util.List;
import java.util.Map;

/**
 * What API Gateway would make of one call of the real handler: the status the client sees, the
 * reason the decision log gives, everything logged, and how long the answer took.
 *
 * @param status     "Allow", "403", "401" or "500"; "threw X" for any other exception, which
 *                   Lambda would also turn into a 500
 */
record Answer(String status, Reason reason, String log, long millis) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Answer of(TokenAuthorizerHandler handler, String authorization, String methodArn) {
        Map<String, Object> event = Events.token(authorization, methodArn);
        String[] status = new String[1];
        long start = System.nanoTime();
        String log = LogCapture.capture(() -> status[0] = status(handler, event));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Answer(status[0], reason(log), log, millis);
    }

    private static String status(TokenAuthorizerHandler handler, Map<String, Object> event) {
        try {
            Map<String, Object> response = handler.handleRequest(event, null);
            @SuppressWarnings("unchecked")
            Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
            boolean allows = statements.stream().anyMatch(statement -> "Allow".equals(statement.get("Effect")));
            return allows ? "Allow" : "403";
        } catch (UnauthorizedException e) {
            return e.getMessage().equals("Unauthorized") ? "401" : "threw " + e;
        } catch (AuthorizerFailureException e) {
            return "500";
        } catch (RuntimeException | Error e) {
            return "threw " + e.getClass().getName();
        }
    }

    /** The reason of the one decision line in the log; null when there is none. */
    private static Reason reason(String log) {
        Reason reason = null;
        for (String line : log.split("\n")) {
            try {
                JsonNode json = MAPPER.readTree(line);
                if (json != null && "decision".equals(json.path("event").asText())) {
                    reason = Reason.valueOf(json.path("reason").asText());
                }
            } catch (Exception notJson) {
                // Only decision lines matter here; the hygiene test reads every line.
            }
        }
        return reason;
    }
}
