package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.Authorizer;
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
}
