package dev.jwtauthorizer.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one event through the Lambda handler and writes what the Lambda runtime would return: the
 * handler's answer, or the runtime's error object when the handler fails.
 */
final class LocalInvoker {
    private final TokenAuthorizerHandler handler;

    LocalInvoker(TokenAuthorizerHandler handler) {
        this.handler = handler;
    }

    /** One line of JSON for one event's JSON text. */
    String invoke(String eventJson) {
        APIGatewayCustomAuthorizerEvent event;
        try {
            event = toEvent(eventJson);
        } catch (IllegalArgumentException e) {
            return errorObject(e.getMessage(), "InvalidEvent");
        }
        try {
            return Json.write(handler.handleRequest(event, null));
        } catch (RuntimeException e) {
            return errorObject(e.getMessage(), e.getClass().getName());
        }
    }

    private static APIGatewayCustomAuthorizerEvent toEvent(String eventJson) {
        Object json;
        try {
            json = Json.read(eventJson);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid event: not JSON");
        }
        Map<String, Object> node = Json.asObject(json);
        if (node == null) {
            throw new IllegalArgumentException("invalid event: not a JSON object");
        }
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType(Json.text(node, "type"));
        event.setAuthorizationToken(Json.text(node, "authorizationToken"));
        event.setMethodArn(Json.text(node, "methodArn"));
        return event;
    }

    private static String errorObject(String message, String type) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", message);
        error.put("errorType", type);
        return Json.write(error);
    }
}
