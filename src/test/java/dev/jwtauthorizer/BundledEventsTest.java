package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jwtauthorizer.config.Setting;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.request.ApiKind;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.BundledEvents;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The events in events/ give the outcome their names promise, run as
 * {@code sam local invoke -e events/X.json --env-vars events/env.json} runs them: the function's
 * section of env.json, the real handler, the Lambda runtime's serializer both ways, and the answer
 * judged as API Gateway judges it.
 */
class BundledEventsTest {
    private static AuthorizerHandler handler;

    @BeforeAll
    static void authorizerFromEnvVarsFile() {
        handler = new AuthorizerHandler(Authorizer.fromEnvironment(BundledEvents.environment()));
    }

    static List<Path> files() {
        return BundledEvents.files();
    }

    @Test
    void envVarsFileSetsEverySetting() {
        Map<String, String> env = BundledEvents.environment();
        for (Setting setting : Setting.values()) {
            // sam local invoke would otherwise take the value from its own reading of the template.
            assertTrue(env.containsKey(setting.name()), "events/env.json does not set " + setting.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void bundledEventGivesTheOutcomeItsNamePromises(Path file) {
        String json = BundledEvents.read(file);
        ApiGateway.Response response = ApiGateway.invoke(handler, json, BundledEvents.arn(json),
                BundledEvents.simpleResponses(file));
        assertEquals(BundledEvents.promised(file), response.status(), file + ": " + response.answer());
        assertEquals(BundledEvents.kind(file).name(), response.decision().path("api").asText(),
                file + " is read as the kind its name says");
        Reason reason = BundledEvents.promisedReason(file);
        if (reason != null) {
            assertEquals(reason.name(), response.decision().path("reason").asText(), file + ": reason");
        }
    }

    /** A user trying one kind of API finds an event that passes and one that does not. */
    @Test
    void everyKindHasAnEventThatPassesAndOneThatIsRefused() {
        Set<ApiKind> passing = EnumSet.noneOf(ApiKind.class);
        Set<ApiKind> refused = EnumSet.noneOf(ApiKind.class);
        for (Path file : files()) {
            (BundledEvents.promised(file) == ApiGateway.Status.ALLOWED ? passing : refused).add(BundledEvents.kind(file));
        }
        assertEquals(EnumSet.allOf(ApiKind.class), passing);
        assertEquals(EnumSet.allOf(ApiKind.class), refused);
    }
}
