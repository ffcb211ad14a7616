package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape API Gateway parses an authorizer's answer in, strictly: policy keys spelled exactly
 * {@code Version}, {@code Statement}, {@code Effect}, {@code Action}, {@code Resource} (a lower-case
 * key is no key to it, so a wrongly spelled Deny would pass for a 403 by accident), no nulls, and
 * context values that are strings, numbers or booleans (anything else fails later, at the
 * integration).
 */
final class AnswerShape {
    private static final Set<String> POLICY_ANSWER_KEYS = Set.of("principalId", "policyDocument", "context", "usageIdentifierKey");
    private static final Set<String> SIMPLE_ANSWER_KEYS = Set.of("isAuthorized", "context");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "Resource", "Condition");

    private AnswerShape() {
    }

    /** Fails unless the answer is an IAM policy answer API Gateway accepts as written. */
    static void checkPolicy(Map<String, Object> answer) {
        checkNoNull(answer, "answer");
        assertTrue(POLICY_ANSWER_KEYS.containsAll(answer.keySet()), "answer keys " + answer.keySet());
        assertInstanceOf(String.class, answer.get("principalId"), "principalId");
        Map<?, ?> policy = assertInstanceOf(Map.class, answer.get("policyDocument"), "policyDocument");
        assertEquals(Set.of("Version", "Statement"), policy.keySet(), "policyDocument keys");
        assertEquals("2012-10-17", policy.get("Version"), "policy Version");
        List<?> statements = assertInstanceOf(List.class, policy.get("Statement"), "Statement");
        assertTrue(!statements.isEmpty(), "a policy with no statement");
        for (Object item : statements) {
            Map<?, ?> statement = assertInstanceOf(Map.class, item, "statement");
            assertTrue(STATEMENT_KEYS.containsAll(statement.keySet()), "statement keys " + statement.keySet());
            assertTrue(statement.keySet().containsAll(Set.of("Effect", "Action", "Resource")), "statement keys " + statement.keySet());
            assertTrue(Set.of("Allow", "Deny").contains(statement.get("Effect")), "Effect " + statement.get("Effect"));
        }
        checkContext(answer.get("context"));
        if (answer.containsKey("usageIdentifierKey")) {
            assertInstanceOf(String.class, answer.get("usageIdentifierKey"), "usageIdentifierKey");
        }
    }

    /** Fails unless the answer is an HTTP API simple response. */
    static void checkSimple(Map<String, Object> answer) {
        checkNoNull(answer, "answer");
        assertTrue(SIMPLE_ANSWER_KEYS.containsAll(answer.keySet()), "answer keys " + answer.keySet());
        assertInstanceOf(Boolean.class, answer.get("isAuthorized"), "isAuthorized");
        checkContext(answer.get("context"));
    }

    private static void checkContext(Object context) {
        if (context == null) {
            return;
        }
        Map<?, ?> values = assertInstanceOf(Map.class, context, "context");
        values.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                fail("context." + name + " is not a string, number or boolean: " + value);
            }
        });
    }

    private static void checkNoNull(Object value, String where) {
        assertNotNull(value, where + " is null");
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, member) -> checkNoNull(member, where + "." + key));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkNoNull(list.get(i), where + "[" + i + "]");
            }
        }
    }
}
