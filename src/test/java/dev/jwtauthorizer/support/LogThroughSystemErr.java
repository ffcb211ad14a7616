package dev.jwtauthorizer.support;

import dev.jwtauthorizer.log.JsonLog;
import java.io.OutputStream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * In the test JVM, log lines go through whatever System.err is at the moment of writing instead of
 * the file descriptor, so that Surefire files them with each test's output (and System.setErr
 * captures them) rather than printing them to the build's console. Registered for every test class
 * by JUnit's extension autodetection (META-INF/services); a line still arrives in one write call.
 */
public final class LogThroughSystemErr implements BeforeAllCallback {
    static {
        JsonLog.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                System.err.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.err.write(bytes, offset, length);
            }
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The static initialiser has done the work, once per JVM.
    }
}
