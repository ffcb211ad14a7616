package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A policy's resources are matched as IAM matches them, so what the answer claims is what API Gateway enforces. */
class IamPatternTest {

    @ParameterizedTest
    @CsvSource({
            "arn:aws:execute-api:us-east-1:1:api/prod/*/*, arn:aws:execute-api:us-east-1:1:api/prod/GET/books/1, true",
            "arn:aws:execute-api:us-east-1:1:api/prod/*/*, arn:aws:execute-api:us-east-1:1:api/test/GET/books/1, false",
            "arn:aws:execute-api:us-east-1:1:api/prod/GET/books, arn:aws:execute-api:us-east-1:1:api/prod/GET/books/1, false",
            "arn:aws:execute-api:us-east-1:1:api/prod/GET/books/*, arn:aws:execute-api:us-east-1:1:api/prod/GET/books/1/x, true",
            "arn:aws:execute-api:us-east-1:1:api/prod/GET/books/*, arn:aws:execute-api:us-east-1:1:api/prod/GET/books, false",
            "arn:aws:execute-api:us-east-1:1:api/prod/GET/books, arn:aws:execute-api:us-east-1:1:api/prod/GET/book, false",
            "arn:aws:execute-api:us-east-1:1:api/prod/?ET/*, arn:aws:execute-api:us-east-1:1:api/prod/GET/books, true",
            "arn:aws:execute-api:us-east-1:1:api/prod/?ET/*, arn:aws:execute-api:us-east-1:1:api/prod/ET/books, false",
            "*, anything at all, true",
            "a*b*c, abxbc, true",
            "a*b*c, acb, false"})
    void resourcesMatchAsIamMatchesThem(String pattern, String text, boolean matches) {
        assertEquals(matches, IamPattern.matches(pattern, text));
    }

    @Test
    void everyPatternMatchesExactlyWhatItsRegularExpressionMatches() {
        // Few letters, so that wildcards, repeats and near misses meet often.
        Random random = new Random(18);
        for (int i = 0; i < 200_000; i++) {
            String pattern = randomText(random, "ab/*?", 8);
            String text = randomText(random, "ab/", 10);
            assertEquals(reference(pattern).matcher(text).matches(), IamPattern.matches(pattern, text),
                    () -> "pattern " + pattern + " against " + text);
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(maxLength + 1); length > 0; length--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static Pattern reference(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
