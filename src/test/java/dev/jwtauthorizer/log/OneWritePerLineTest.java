package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each line, its newline included, reaches standard error in one write call: Lambda makes one log
 * event of each line, and a line written in pieces can be interleaved with another thread's.
 */
class OneWritePerLineTest {
    @Test
    void everyLineIsOneWriteCall() {
        List<String> writes = Collections.synchronizedList(new ArrayList<>());
        OutputStream recorder = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(String.valueOf((char) b));
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        };
        OutputStream previous = JsonLog.writeTo(recorder);
        try {
            AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(TestEnv.rsa()));
            handler.handleRequest(Events.token("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1"), Tokens.METHOD_ARN), FakeContext.of("a"));
            JsonLog.configure(new LogSettings("jwt-authorizer", "JwtAuthorizer", LogLevel.WARN));
            handler.handleRequest(Events.token("Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1"), Tokens.METHOD_ARN), FakeContext.of("b"));
        } finally {
            JsonLog.writeTo(previous);
            JsonLog.configure(LogSettings.DEFAULTS);
        }
        assertEquals(4, writes.size(), "keys_loaded, authorizer_ready, a decision, a metrics-only line: " + writes);
        for (String write : writes) {
            assertTrue(write.startsWith("{") && write.endsWith("}\n") && write.indexOf('\n') == write.length() - 1, write);
        }
    }
}
