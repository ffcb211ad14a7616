package dev.jwtauthorizer.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where finished lines go: standard error's file descriptor itself, one write call per line. Lambda
 * turns each line of standard error into one log event, and a line written whole cannot be split or
 * interleaved with another thread's. System.err is bypassed: on Lambda the runtime wraps it in two
 * print streams, each with its own lock and copy. The command line keeps standard output for answers.
 */
final class LogOutput {
    private static final OutputStream STANDARD_ERROR = new FileOutputStream(FileDescriptor.err);
    private static volatile OutputStream target = STANDARD_ERROR;

    private LogOutput() {
    }

    static void write(byte[] bytes, int length) {
        try {
            target.write(bytes, 0, length);
        } catch (IOException e) {
            // Standard error is gone: there is nowhere left to say so, and the decision stands.
        }
    }

    /** @param to null for standard error; @return the previous target */
    static OutputStream redirect(OutputStream to) {
        OutputStream previous = target;
        target = to == null ? STANDARD_ERROR : to;
        return previous;
    }
}
