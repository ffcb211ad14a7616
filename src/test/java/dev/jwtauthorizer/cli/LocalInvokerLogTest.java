package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.PrimingEntry;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.LogCapture;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line describes its invocations as far as it knows them: the first event is the cold start. */
class LocalInvokerLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theFirstEventIsTheColdStartAndTheFunctionNameIsTheOneGiven() throws Exception {
        LocalInvoker invoker = new LocalInvoker(LogCapture.discard(() -> new AuthorizerHandler(Authorizer.fromEnvironment(TestEnv.rsa()))),
                "my-authorizer");
        String event = "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1")
                + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}";
        String log = LogCapture.capture(() -> {
            invoker.invoke("not json".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3; i++) {
                invoker.invoke(event.getBytes(StandardCharsets.UTF_8));
            }
        });

        List<Boolean> coldStarts = new ArrayList<>();
        for (String text : log.split("\n")) {
            JsonNode line = MAPPER.readTree(text);
            if ("decision".equals(line.path("event").asText())) {
                coldStarts.add(line.get("cold_start").booleanValue());
                assertEquals("my-authorizer", line.get("function_name").textValue());
                assertFalse(line.has("function_request_id"), "a request id outside Lambda: " + line);
            }
        }
        assertEquals(List.of(true, false, false), coldStarts);
    }

    /**
     * `replay --prime` primes through entries like the command line's own (the event's bytes read,
     * the handler, the answer written), around priming's authorizers: they answer as the command
     * line does, and the real invoker's first event is still the cold start.
     */
    @Test
    void primingEntriesAnswerAsTheCommandLineDoesAndLeaveTheColdStartToTheRealInvoker() throws Exception {
        Authorizer authorizer = LogCapture.discard(() -> Authorizer.fromEnvironment(TestEnv.rsa()));
        String event = "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + Tokens.rs256(TestKeys.RSA, "rsa-1")
                + "\",\"methodArn\":\"" + Tokens.METHOD_ARN + "\"}";
        String[] answers = new String[2];
        LogCapture.capture(() -> {
            PrimingEntry entry = LocalInvoker.primingEntries("my-authorizer").around(authorizer);
            answers[0] = entry.invoke(event);
            answers[1] = entry.invoke("not json");
        });
        assertEquals("Allow", MAPPER.readTree(answers[0]).at("/policyDocument/Statement/0/Effect").asText(), answers[0]);
        assertEquals("InvalidEvent", MAPPER.readTree(answers[1]).get("errorType").asText(), answers[1]);

        LocalInvoker real = new LocalInvoker(LogCapture.discard(() -> new AuthorizerHandler(authorizer)), "my-authorizer");
        String log = LogCapture.capture(() -> real.invoke(event.getBytes(StandardCharsets.UTF_8)));
        JsonNode decision = null;
        for (String text : log.split("\n")) {
            JsonNode line = MAPPER.readTree(text);
            if ("decision".equals(line.path("event").asText())) {
                decision = line;
            }
        }
        assertEquals(Boolean.TRUE, decision == null ? null : decision.get("cold_start").booleanValue(), log);
    }
}
