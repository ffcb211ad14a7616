package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each part of a methodArn is accepted exactly when it is in the part's alphabet, as written in
 * regular expressions below; the parser checks them with plain loops.
 */
class MethodArnPartsTest {
    private static final String ARN = "arn:%s:execute-api:%s:%s:%s/%s/%s/books/1";

    @Test
    void eachPartIsAcceptedExactlyWhenItsExpressionMatches() {
        List<String> candidates = List.of("", "a", "aws", "aws-cn", "aws-us-gov", "aws-", "aws--cn", "aws-c-", "awsx", "aw",
                "-aws", "aws-CN", "aws-1", "eu-west-1", "EU-west-1", "eu_west", "123456789012", "12345678901", "1234567890123",
                "12345678901a", "abc123XYZ", "abc-123", "prod", "$default", "v1.2_beta-$x", "pro d", "GET", "get", "G3T",
                "$connect", "$", "$Connect", "é", "\u0000", "a/b");
        for (String c : candidates) {
            check("partition", c, "aws(-[a-z]+)*", String.format(ARN, c, "us-east-1", "123456789012", "abc", "prod", "GET"));
            check("region", c, "[a-z0-9-]+", String.format(ARN, "aws", c, "123456789012", "abc", "prod", "GET"));
            check("account", c, "[0-9]{12}", String.format(ARN, "aws", "us-east-1", c, "abc", "prod", "GET"));
            check("api id", c, "[A-Za-z0-9]+", String.format(ARN, "aws", "us-east-1", "123456789012", c, "prod", "GET"));
            check("stage", c, "[A-Za-z0-9_.$-]+", String.format(ARN, "aws", "us-east-1", "123456789012", "abc", c, "GET"));
            check("verb", c, "[A-Z]+", String.format(ARN, "aws", "us-east-1", "123456789012", "abc", "prod", c));
            boolean routeKey = Pattern.matches("\\$[a-z]+", c);
            String webSocket = "arn:aws:execute-api:us-east-1:123456789012:abc/prod/" + c;
            assertEquals(routeKey, parses(webSocket) && MethodArn.parse(webSocket).isWebSocketRoute(), "route key " + c);
        }
    }

    private static void check(String part, String candidate, String expression, String arn) {
        // Parts containing ':' or '/' shift the fields; only single-part candidates are compared.
        if (candidate.contains("/") || candidate.contains(":")) {
            return;
        }
        assertEquals(Pattern.matches(expression, candidate), parses(arn), part + " \"" + candidate + "\"");
    }

    private static boolean parses(String arn) {
        try {
            MethodArn.parse(arn);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
