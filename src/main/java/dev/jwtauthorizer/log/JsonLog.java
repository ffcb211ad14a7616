package dev.jwtauthorizer.log;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * One JSON object per line on standard error, with the keys Powertools for AWS Lambda users already
 * query: {@code level}, {@code timestamp}, {@code service}, and inside an invocation
 * {@code cold_start}, {@code function_request_id}, {@code xray_trace_id}, {@code function_name},
 * {@code function_arn}, {@code function_memory_size}; then {@code message} and {@code event} (the
 * line's name) and the line's own members. Lambda turns each line into one log event and, with
 * its JSON log format, filters on {@code level} and keeps the line as it is. Callers pass reasons
 * and identifiers, never a token, a signature or a secret.
 *
 * <p>The settings are the process's own, set once at start ({@link #configure}): there is one log
 * stream per process. A line below the configured level is not written, except that its metrics
 * are: those go out on a line of their own, so that a quieter log never means fewer counts.
 */
public final class JsonLog {
    private record State(LogSettings settings, Emf emf) {
        State(LogSettings settings) {
            this(settings, new Emf(settings.namespace()));
        }
    }

    private static volatile State state = new State(LogSettings.DEFAULTS);

    // Per thread, so that priming on the initialising thread cannot silence a request or a background
    // key refresh running beside it.
    private static final ThreadLocal<Boolean> SILENCED = new ThreadLocal<>();

    private JsonLog() {
    }

    /** Sets service, namespace and level for every line from now on: once, at start. */
    public static void configure(LogSettings settings) {
        state = new State(settings);
    }

    public static LogSettings settings() {
        return state.settings();
    }

    /**
     * Sends the lines elsewhere than standard error, for tests and benchmarks that read them.
     *
     * @param to null for standard error again
     * @return where they went before
     */
    public static OutputStream writeTo(OutputStream to) {
        return LogOutput.redirect(to);
    }

    /**
     * Runs work whose lines must not reach the log, while still formatting and writing them, to
     * /dev/null, so that the logging path is exercised as it runs for real (a branch the JIT never
     * saw taken is a deoptimisation later): priming's synthetic decisions would feed 401 alarms and
     * decision metrics, and its throw-away keys would announce key sets and secrets nobody
     * configured. Lines other threads write meanwhile are discarded too: call it only where none
     * are expected (priming, before the snapshot). Without /dev/null the lines are dropped unwritten.
     */
    public static void silently(Runnable work) {
        OutputStream nowhere;
        try {
            nowhere = new FileOutputStream("/dev/null");
        } catch (IOException | RuntimeException e) {
            nowhere = null;
        }
        if (nowhere == null) {
            SILENCED.set(Boolean.TRUE);
            try {
                work.run();
            } finally {
                SILENCED.remove();
            }
            return;
        }
        OutputStream previous = LogOutput.redirect(nowhere);
        try {
            work.run();
        } finally {
            LogOutput.redirect(previous);
            try {
                nowhere.close();
            } catch (IOException e) {
                // Nothing was kept there.
            }
        }
    }

    public static void info(String event, Object... keysAndValues) {
        write(LogLevel.INFO, event, null, keysAndValues);
    }

    public static void warn(String event, Object... keysAndValues) {
        write(LogLevel.WARN, event, null, keysAndValues);
    }

    public static void error(String event, Object... keysAndValues) {
        write(LogLevel.ERROR, event, null, keysAndValues);
    }

    /**
     * A line with metrics of dimension service (fetches and their failures), written whatever the
     * level: below it, as a metrics-only line.
     *
     * @param metrics       each metric's value for this line, or null for none
     * @param keysAndValues member names and values in turn; null values are left out
     */
    public static void write(LogLevel level, String event, Map<Metric, Long> metrics, Object... keysAndValues) {
        State current = state;
        LogSettings settings = current.settings();
        boolean written = settings.level().admits(level);
        if (!written && (metrics == null || metrics.isEmpty())) {
            return;
        }
        long now = System.currentTimeMillis();
        JsonLine line;
        if (written) {
            line = begin(level, now, settings, CurrentInvocation.get(), event);
            for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
                line.value((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        } else {
            line = beginMetricsOnly(now, settings);
        }
        if (metrics != null && !metrics.isEmpty()) {
            for (Metric metric : Metric.values()) {
                Long value = metrics.get(metric);
                if (value != null) {
                    line.number(metric.metricName(), value);
                }
            }
            current.emf().serviceMetrics(line, metrics.keySet(), now);
        }
        finish(line);
    }

    /** The common members of a line, up to and including its message and event. */
    static JsonLine begin(LogLevel level, long now, LogSettings settings, Invocation invocation, String event) {
        JsonLine line = JsonLine.begin()
                .string("level", level.name())
                .timestamp("timestamp", now)
                .string("service", settings.service());
        if (invocation != null) {
            line.bool("cold_start", invocation.coldStart())
                    .string("function_request_id", invocation.requestId())
                    .string("xray_trace_id", invocation.traceId())
                    .string("function_name", invocation.functionName())
                    .string("function_arn", invocation.functionArn());
            if (invocation.memoryMb() != null) {
                line.number("function_memory_size", invocation.memoryMb());
            }
        }
        return line.string("message", event).string("event", event);
    }

    /**
     * The start of a line that only carries metrics, for a line the level keeps out. Its level is
     * the configured one: Lambda's own filter takes a line without a level for INFO and would drop
     * it at WARN or ERROR.
     */
    static JsonLine beginMetricsOnly(long now, LogSettings settings) {
        return JsonLine.begin()
                .string("level", settings.level().name())
                .timestamp("timestamp", now)
                .string("service", settings.service());
    }

    static Emf emf() {
        return state.emf();
    }

    /** Closes the line and writes it in one call, unless the thread is being kept silent. */
    static void finish(JsonLine line) {
        line.end();
        if (SILENCED.get() == null) {
            LogOutput.write(line.bytes(), line.length());
        }
    }
}
