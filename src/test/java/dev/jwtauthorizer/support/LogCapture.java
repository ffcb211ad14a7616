package dev.jwtauthorizer.support;

import dev.jwtauthorizer.log.JsonLog;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What the authorizer writes to standard error (its log) while some work runs: the JSON lines,
 * which go to the file descriptor itself, and anything else written through System.err.
 */
public final class LogCapture {
    private LogCapture() {
    }

    public static String capture(Runnable work) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writingTo(buffer, () -> {
            work.run();
            return null;
        });
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The work's result, with what it logs thrown away: fuzzing runs it too often to read. */
    public static <T> T discard(Supplier<T> work) {
        return writingTo(OutputStream.nullOutputStream(), work);
    }

    private static <T> T writingTo(OutputStream log, Supplier<T> work) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        OutputStream lines = JsonLog.writeTo(log);
        try {
            return work.get();
        } finally {
            JsonLog.writeTo(lines);
            System.setErr(original);
        }
    }
}
