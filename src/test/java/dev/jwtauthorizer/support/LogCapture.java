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
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** The work's result, with what it logs thrown away: fuzzing runs it too often to read. */
    public static <T> T discard(Supplier<T> work) {
        PrintStream original = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        try {
            return work.get();
        } finally {
            System.setErr(original);
        }
    }
}
