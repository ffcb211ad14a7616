package dev.jwtauthorizer;

import dev.jwtauthorizer.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The way the platform calls the function, for priming to drive: the event as JSON text, as it
 * arrives, and the answer as JSON text, as it leaves (a 401 or 500 as the error object the runtime
 * reports). Priming through the caller's own entry warms exactly what a real invocation runs: the
 * Lambda handler's {@code handleRequest} behind a reading and a writing of JSON that stand for the
 * runtime's, or the command line's own reading and writing around the handler.
 */
@FunctionalInterface
public interface PrimingEntry {
    /** An entry like the function's, around another authorizer (priming's own, with throw-away keys). */
    @FunctionalInterface
    interface Factory {
        PrimingEntry around(Authorizer authorizer);
    }

    /** An entry that takes and answers events as maps, as the Lambda runtime hands them to a handler. */
    @FunctionalInterface
    interface MapHandler {
        Map<String, Object> handle(Map<String, Object> event);
    }

    String invoke(String eventJson);

    /** An entry around a map-taking handler, with the event's JSON read and the answer written as the runtime does. */
    static PrimingEntry ofMaps(MapHandler handler) {
        return eventJson -> {
            try {
                return Json.write(handler.handle(Json.asObject(Json.read(eventJson))));
            } catch (RuntimeException e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("errorMessage", e.getMessage());
                error.put("errorType", e.getClass().getName());
                return Json.write(error);
            }
        };
    }
}
