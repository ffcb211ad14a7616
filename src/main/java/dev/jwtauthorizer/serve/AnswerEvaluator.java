package dev.jwtauthorizer.serve;

import dev.jwtauthorizer.policy.IamPattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges an authorizer's answer for a request the way API Gateway does. A policy: an explicit Deny
 * whose action and resource match wins; otherwise an Allow must match {@code execute-api:Invoke}
 * and the request's ARN (IAM wildcards {@code *} and {@code ?}); otherwise 403. A simple response:
 * isAuthorized. An answer of the wrong shape (no principalId, no Statement, isAuthorized missing
 * where a simple response is expected) is a 500, as an HTTP API given a policy when it expects
 * simple responses answers.
 *
 * <p>The ARN is the current request's, not the one the answer was made for: that is how a cached
 * policy is applied to the next route.
 */
final class AnswerEvaluator {
    private static final String INVOKE = "execute-api:Invoke";

    private AnswerEvaluator() {
    }

    static Verdict judge(Map<String, Object> answer, String arn, boolean simpleResponse) {
        if (simpleResponse) {
            return answer.get("isAuthorized") instanceof Boolean authorized
                    ? authorized ? Verdict.ALLOW : Verdict.DENY
                    : Verdict.MALFORMED;
        }
        if (!(answer.get("principalId") instanceof String)
                || !(answer.get("policyDocument") instanceof Map<?, ?> policy)
                || !(policy.get("Statement") instanceof List<?> statements)) {
            return Verdict.MALFORMED;
        }
        boolean allowed = false;
        for (Object item : statements) {
            if (!(item instanceof Map<?, ?> statement)) {
                return Verdict.MALFORMED;
            }
            boolean applies = anyMatches(statement.get("Action"), INVOKE, true)
                    && anyMatches(statement.get("Resource"), arn, false);
            if (applies && "Deny".equals(statement.get("Effect"))) {
                return Verdict.EXPLICIT_DENY;
            }
            allowed |= applies && "Allow".equals(statement.get("Effect"));
        }
        return allowed ? Verdict.ALLOW : Verdict.DENY;
    }

    /** The principal an answer names: a policy's principalId, or a simple response's context.principalId. */
    static String principal(Map<String, Object> answer) {
        if (answer.get("principalId") instanceof String principal) {
            return principal;
        }
        return answer.get("context") instanceof Map<?, ?> context && context.get("principalId") instanceof String principal
                ? principal : null;
    }

    /** A string or a list of strings, any of which matches; IAM actions ignore case, resources do not. */
    private static boolean anyMatches(Object patterns, String text, boolean ignoreCase) {
        if (patterns instanceof String pattern) {
            return matches(pattern, text, ignoreCase);
        }
        if (patterns instanceof List<?> list) {
            for (Object pattern : list) {
                if (pattern instanceof String single && matches(single, text, ignoreCase)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String pattern, String text, boolean ignoreCase) {
        return ignoreCase ? IamPattern.matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT))
                : IamPattern.matches(pattern, text);
    }
}
