package dev.jwtauthorizer.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every part of a methodArn has the shape API Gateway sends, or the request is not answered with a policy for it. */
class MethodArnShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/1",
            "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/books",
            "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/v1.2_$x-y/POST/",
            "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/$connect",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/v1.2/.well-known/a..b/...",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/a%20b%2",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/"})
    void wellFormedArnsAreRead(String text) {
        assertEquals(text, MethodArn.parse(text).requestResource());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:awsx:execute-api:us-east-1:123456789012:abc123/prod/GET/books",
            "arn:aws-:execute-api:us-east-1:123456789012:abc123/prod/GET/books",
            "arn:aws--cn:execute-api:us-east-1:123456789012:abc123/prod/GET/books",
            "arn:aws-CN:execute-api:us-east-1:123456789012:abc123/prod/GET/books",
            "arn:aws:execute-api:US-EAST-1:123456789012:abc123/prod/GET/books",
            "arn:aws:execute-api::123456789012:abc123/prod/GET/books",
            "arn:aws:execute-api:us-east-1:12345678901:abc123/prod/GET/books",
            "arn:aws:execute-api:us-east-1:12345678901a:abc123/prod/GET/books",
            "arn:aws:execute-api:us-east-1:123456789012:abc-123/prod/GET/books",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/pr*d/GET/books",
            "arn:aws:execute-api:us-east-1:123456789012:abc123//GET/books",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/get/books",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/bo*ks",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$Connect",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/$",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/../admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/..",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/./admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/..",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books//admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET//admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/%2e%2e/admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/%2E./admin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/..%2Fadmin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books/..%5cadmin",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books\\..\\admin"})
    void anArnWithAPartOfTheWrongShapeIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MethodArn.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "arn",
            "arn:aws:execute-api:us-east-1:123456789012",
            "arn:aws:execute-api:us-east-1:123456789012:",
            "arn:aws:execute-api:us-east-1:123456789012:abc123",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod",
            "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/",
            "arn:aws:execute-api:us-east-1:abc123/prod/GET/books",
            "arn:aws:lambda:us-east-1:123456789012:abc123/prod/GET/books",
            "urn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books",
            ":aws:execute-api:us-east-1:123456789012:abc123/prod/GET/books"})
    void anArnMissingAPartOrASeparatorIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> MethodArn.parse(text));
    }

    @Test
    void theLastSeparatorsLeaveTheRestOfThePathWhole() {
        // Colons and slashes after the verb belong to the path; a trailing slash is kept.
        MethodArn arn = MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/a:b/c/");
        assertEquals("abc123", arn.apiId());
        assertEquals("prod", arn.stage());
        assertEquals("GET", arn.verb());
        assertEquals("/a:b/c/", arn.path());
        assertEquals("/", MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET").path());
        assertEquals("/", MethodArn.parse("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/").path());
    }
}
