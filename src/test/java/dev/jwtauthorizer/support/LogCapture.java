package dev.jwtauthorizer.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** What the authorizer writes to standard error (its log) while some work runs. */
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
        try {
            return work.get();
        } finally {
            System.setErr(original);
        }
    }
}
