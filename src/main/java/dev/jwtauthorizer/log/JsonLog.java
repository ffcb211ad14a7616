package dev.jwtauthorizer.log;

import dev.jwtauthorizer.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard error: Lambda sends it to CloudWatch as one event, and the
 * command line keeps standard output for answers. Callers pass reasons and identifiers, never a
 * token, a signature or a secret.
 */
public final class JsonLog {
    // kid and other header values are attacker-controlled text: bounded before they reach a log.
    private static final int MAX_VALUE_LENGTH = 256;

    // Per thread, so that priming on the initialising thread cannot silence a request or a background
    // key refresh running beside it.
    private static final ThreadLocal<Boolean> SILENCED = new ThreadLocal<>();

    private JsonLog() {
    }

    /**
     * Runs work whose lines must not reach the log, while still formatting them so that the logging
     * path is exercised: priming's synthetic decisions would feed 401 alarms, and its throw-away keys
     * would announce key sets and secrets nobody configured.
     */
    public static void silently(Runnable work) {
        SILENCED.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            SILENCED.remove();
        }
    }

    /** Writes {@code {"level":level,"event":event,k1:v1,...}}; null values are left out. */
    public static void write(String level, String event, Object... keysAndValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value instanceof String text && text.length() > MAX_VALUE_LENGTH) {
                value = text.substring(0, MAX_VALUE_LENGTH) + "...";
            }
            if (value != null) {
                line.put((String) keysAndValues[i], value);
            }
        }
        String text = Json.write(line);
        if (SILENCED.get() == null) {
            System.err.println(text);
        }
    }

    public static void info(String event, Object... keysAndValues) {
        write("INFO", event, keysAndValues);
    }

    public static void warn(String event, Object... keysAndValues) {
        write("WARN", event, keysAndValues);
    }
}
