package dev.jwtauthorizer.cli;

import dev.jwtauthorizer.PrimingEntry;
import dev.jwtauthorizer.crypto.CorrettoCrypto;
import dev.jwtauthorizer.json.Json;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.log.Invocation;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    /** Where the command line writes its answers: the stream, buffered, as UTF-8 text. */
    static PrintStream answerStream(FileOutputStream to) {
        return new PrintStream(new BufferedOutputStream(to, 1 << 16), false, StandardCharsets.UTF_8);
    }

    /**
     * Entries like this one, around other authorizers, for priming to drive: each event answered
     * as {@code replay} answers a line, onto a stream of the same classes as standard output's
     * that leads to /dev/null, so that what priming compiles is what replay runs.
     */
    static PrimingEntry.Factory primingEntries(String functionName) {
        PrintStream nowhere;
        // Opened once per priming run and left to the stream's cleaner: it holds no data.
        try {
            nowhere = answerStream(new FileOutputStream("/dev/null"));
        } catch (IOException e) {
            nowhere = null;
        }
        PrintStream answers = nowhere;
        return authorizer -> {
            LocalInvoker invoker = new LocalInvoker(new AuthorizerHandler(authorizer), functionName);
            return eventJson -> {
                byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
                if (answers == null) {
                    return invoker.invoke(event);
                }
                return invoker.answerLine(event, answers, true);
            };
        };
    }

    /**
     * One event line answered as {@code replay} answers it: the answer's line written, and
     * flushed when the caller waits for it.
     *
     * @return the answer written
     */
    String answerLine(byte[] eventJson, PrintStream out, boolean flush) {
        String text = invoke(eventJson);
        byte[] answer = text.getBytes(StandardCharsets.UTF_8);
        out.write(answer, 0, answer.length);
        out.write('\n');
        // As on Lambda without SnapStart: the fast crypto provider loads once an answer is out.
        CorrettoCrypto.installInBackground();
        if (flush) {
            out.flush();
        }
        return text;
    }

    /** The InvalidEvent error object of an event that cannot be read, as its answer line. */
    void answerInvalid(String message, PrintStream out, boolean flush) {
        byte[] answer = errorObject(message, "InvalidEvent").getBytes(StandardCharsets.UTF_8);
        out.write(answer, 0, answer.length);
        out.write('\n');
        if (flush) {
            out.flush();
        }
    }

    /**
     * One line of JSON for one event's JSON text, of any kind the handler answers. The text's UTF-8
     * is checked as strictly as a token's.
     */
    String invoke(byte[] eventJson) {
        Map<String, Object> event;
        try {
            event = toEvent(eventJson);
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

    private static Map<String, Object> toEvent(byte[] eventJson) {
        Object json;
        try {
            json = Json.read(eventJson);
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
