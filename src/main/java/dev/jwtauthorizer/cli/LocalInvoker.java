package dev.jwtauthorizer.cli;

import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.log.Invocation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one event through the Lambda handler and writes what the Lambda runtime would return: the
 * handler's answer, or the runtime's error object when the handler fails. Its log lines describe
 * the invocation as far as a terminal knows it: no request id or trace, the function's name when
 * one was given, and a cold start on the first event.
 */
final class LocalInvoker {
    private final AuthorizerHandler handler;
    private final String functionName;
    private boolean handledAny;

    /** @param functionName the --function given, or null */
    LocalInvoker(AuthorizerHandler handler, String functionName) {
        this.handler = handler;
        this.functionName = functionName;
    }

    /** One line of JSON for one event's JSON text, of any kind the handler answers. */
    String invoke(String eventJson) {
        return invoke(eventJson, null);
    }

    /** {@link #invoke(String)} for the event's UTF-8 bytes. */
    String invoke(byte[] eventJson) {
        return invoke(null, eventJson);
    }

    private String invoke(String text, byte[] utf8) {
        Map<String, Object> event;
        try {
            event = toEvent(text, utf8);
        } catch (IllegalArgumentException e) {
            return errorObject(e.getMessage(), "InvalidEvent");
        }
        Invocation invocation = Invocation.local(functionName, !handledAny);
        handledAny = true;
        try {
            return Json.write(handler.handle(event, invocation));
        } catch (RuntimeException e) {
            return errorObject(e.getMessage(), e.getClass().getName());
        }
    }

    private static Map<String, Object> toEvent(String text, byte[] utf8) {
        Object json;
        try {
            json = text != null ? Json.read(text) : Json.read(utf8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid event: not JSON");
        }
        Map<String, Object> node = Json.asObject(json);
        if (node == null) {
            throw new IllegalArgumentException("invalid event: not a JSON object");
        }
        return node;
    }

    private static String errorObject(String message, String type) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", message);
        error.put("errorType", type);
        return Json.write(error);
    }
}
