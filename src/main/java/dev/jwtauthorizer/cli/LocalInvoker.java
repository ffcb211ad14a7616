package dev.jwtauthorizer.cli;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one event through the Lambda handler and writes what the Lambda runtime would return: the
 * handler's answer, or the runtime's error object when the handler fails.
 */
final class LocalInvoker {
    private static final ObjectMapper MAPPER = new ObjectMapper();

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
            return json(handler.handleRequest(event, null));
        } catch (RuntimeException e) {
            return errorObject(e.getMessage(), e.getClass().getName());
        }
    }

    private static APIGatewayCustomAuthorizerEvent toEvent(String eventJson) {
        JsonNode node;
        try {
            node = MAPPER.readTree(eventJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid event: not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("invalid event: not a JSON object");
        }
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType(text(node, "type"));
        event.setAuthorizationToken(text(node, "authorizationToken"));
        event.setMethodArn(text(node, "methodArn"));
        return event;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String errorObject(String message, String type) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", message);
        error.put("errorType", type);
        return json(error);
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }
}
