package dev.jwtauthorizer.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.Outcome;
import dev.jwtauthorizer.decision.Reason;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A metric per principal, token, route or key id would be a new CloudWatch metric per caller, paid
 * for each month and useless for alarms. Whatever the traffic, the dimensions are service, outcome
 * and reason, with values from fixed sets.
 */
class BoundedDimensionsTest {
    private static final Set<String> ALLOWED_DIMENSIONS = Set.of("service", "outcome", "reason");

    @Test
    void dimensionsStayServiceOutcomeAndReasonWhateverTheTraffic() {
        Map<String, String> env = new HashMap<>(TestEnv.rsa());
        env.put("JWT_RULES", "[{\"claim\":\"scope\",\"value\":\"read\",\"allow\":[\"GET /books/*\"]}]");
        Random random = new Random(15);
        Set<String> principals = new HashSet<>();
        List<JsonNode> lines = LogLines.capture(() -> {
            AuthorizerHandler handler = new AuthorizerHandler(Authorizer.fromEnvironment(env));
            for (int i = 0; i < 150; i++) {
                String principal = "user-" + random.nextInt(1_000_000) + "@example.com";
                principals.add(principal);
                String kid = i % 5 == 4 ? "kid-" + random.nextInt(1_000_000) : "rsa-1";
                String token = Tokens.claims().withSubject(principal).withClaim("scope", i % 3 == 0 ? "write" : "read")
                        .withKeyId(kid).sign(Tokens.algorithm("RS256", TestKeys.RSA));
                String route = (i % 2 == 0 ? "/books/" : "/orders/") + random.nextInt(1_000_000);
                String methodArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET" + route;
                String authorization = i % 7 == 6 ? "Bearer garbage-" + random.nextInt() : "Bearer " + token;
                try {
                    handler.handleRequest(Events.token(authorization, methodArn), FakeContext.of("request-" + i));
                } catch (RuntimeException refused) {
                    // 401s are decisions too.
                }
            }
        });

        Set<String> dimensionNames = new TreeSet<>();
        Set<String> series = new TreeSet<>();
        Set<String> outcomes = names(Outcome.values());
        Set<String> reasons = names(Reason.values());
        for (JsonNode line : lines) {
            for (JsonNode directive : line.path("_aws").path("CloudWatchMetrics")) {
                for (JsonNode set : directive.get("Dimensions")) {
                    StringBuilder identity = new StringBuilder();
                    for (JsonNode name : set) {
                        dimensionNames.add(name.textValue());
                        String value = line.get(name.textValue()).textValue();
                        identity.append(name.textValue()).append('=').append(value).append(';');
                        switch (name.textValue()) {
                            case "service" -> assertEquals("jwt-authorizer", value);
                            case "outcome" -> assertTrue(outcomes.contains(value), value);
                            case "reason" -> assertTrue(reasons.contains(value), value);
                            default -> { }
                        }
                    }
                    series.add(identity.toString());
                }
            }
        }
        assertTrue(ALLOWED_DIMENSIONS.containsAll(dimensionNames), "dimensions: " + dimensionNames);
        assertEquals(150, LogLines.decisionCounts(lines).size());
        // One per service, per outcome seen and per reason seen: never one per principal or route.
        assertTrue(series.size() <= 1 + outcomes.size() + reasons.size(), series.toString());
        assertTrue(principals.size() > series.size(), "the run did not vary the principal enough to tell");
    }

    private static Set<String> names(Enum<?>[] values) {
        Set<String> names = new HashSet<>();
        Arrays.stream(values).forEach(value -> names.add(value.name()));
        return names;
    }
}
