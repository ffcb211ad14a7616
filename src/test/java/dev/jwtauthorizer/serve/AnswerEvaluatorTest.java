package dev.jwtauthorizer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerEvaluatorTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:local/prod/GET/books/42";

    private static Map<String, Object> policy(Map<?, ?>... statements) {
        return Map.of("principalId", "alice", "policyDocument", Map.of("Version", "2012-10-17", "Statement", List.of(statements)));
    }

    private static Map<String, Object> statement(String effect, Object action, Object resource) {
        return Map.of("Effect", effect, "Action", action, "Resource", resource);
    }

    @Test
    void allowMustMatchTheInvokeActionAndTheResource() {
        assertEquals(Verdict.ALLOW, AnswerEvaluator.judge(policy(statement("Allow", "execute-api:Invoke", ARN)), ARN, false));
        assertEquals(Verdict.ALLOW, AnswerEvaluator.judge(policy(statement("Allow", "execute-api:*", "arn:aws:execute-api:*:*:local/prod/GET/books/*")), ARN, false));
        assertEquals(Verdict.ALLOW, AnswerEvaluator.judge(policy(statement("Allow", List.of("*"), List.of("x", "*/GET/books/4?"))), ARN, false));
        assertEquals(Verdict.DENY, AnswerEvaluator.judge(policy(statement("Allow", "execute-api:ManageConnections", ARN)), ARN, false));
        assertEquals(Verdict.DENY, AnswerEvaluator.judge(policy(statement("Allow", "execute-api:Invoke", ARN + "/reviews")), ARN, false));
        assertEquals(Verdict.DENY, AnswerEvaluator.judge(policy(statement("Allow", "execute-api:Invoke", "*/GET/books/?")), ARN, false));
    }

    @Test
    void explicitDenyWins() {
        assertEquals(Verdict.EXPLICIT_DENY, AnswerEvaluator.judge(policy(
                statement("Allow", "execute-api:Invoke", "*"), statement("Deny", "execute-api:Invoke", "*/books/*")), ARN, false));
    }

    @Test
    void answerOfTheWrongShapeIsMalformed() {
        assertEquals(Verdict.MALFORMED, AnswerEvaluator.judge(Map.of("isAuthorized", true), ARN, false));
        assertEquals(Verdict.MALFORMED, AnswerEvaluator.judge(policy(statement("Allow", "*", "*")), ARN, true));
        assertEquals(Verdict.MALFORMED, AnswerEvaluator.judge(Map.of("isAuthorized", "true"), ARN, true));
    }

    @Test
    void simpleResponseIsItsIsAuthorized() {
        assertEquals(Verdict.ALLOW, AnswerEvaluator.judge(Map.of("isAuthorized", true), ARN, true));
        assertEquals(Verdict.DENY, AnswerEvaluator.judge(Map.of("isAuthorized", false), ARN, true));
    }
}
