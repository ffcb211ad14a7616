package dev.jwtauthorizer.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against published vectors: the AWS SigV4 test suite (aws-sig-v4-test-suite, as the AWS
 * SDKs and botocore carry it) and the worked example of the S3 documentation ("Signature calculation:
 * GET Object"). A signature that Secrets Manager would refuse cannot pass these.
 */
class SigV4SignerTest {
    private static final AwsCredentials SUITE = new AwsCredentials("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, null);
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static Map<String, String> suiteHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "example.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");
        return headers;
    }

    private static String suite(String method, String query, Map<String, String> headers, String payloadHash) {
        return SigV4Signer.authorization(SUITE, "us-east-1", "service", method, "/", query, headers, payloadHash);
    }

    @Test
    void getVanilla() {
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                suite("GET", null, suiteHeaders(), EMPTY_HASH));
    }

    @Test
    void postVanilla() {
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
                suite("POST", null, suiteHeaders(), EMPTY_HASH));
    }

    @Test
    void getVanillaQueryOrderKeyCase() {
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
                suite("GET", "Param2=value2&Param1=value1", suiteHeaders(), EMPTY_HASH));
    }

    /** A body and a content type: the payload hash of "Param1=value1" and the signed content-type header. */
    @Test
    void postXWwwFormUrlencoded() {
        Map<String, String> headers = suiteHeaders();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        String body = SigV4Signer.sha256Hex("Param1=value1".getBytes(StandardCharsets.UTF_8));
        assertEquals("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", body);
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
                suite("POST", null, headers, body));
    }

    /** The session token is a signed header, as this client sends it. */
    @Test
    void getVanillaWithSessionToken() {
        Map<String, String> headers = suiteHeaders();
        headers.put("X-Amz-Security-Token", "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date;x-amz-security-token, "
                        + "Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
                suite("GET", null, headers, EMPTY_HASH));
    }

    @Test
    void s3GetObjectExample() {
        AwsCredentials credentials = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null, null);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", EMPTY_HASH);
        headers.put("x-amz-date", "20130524T000000Z");
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
                SigV4Signer.authorization(credentials, "us-east-1", "s3", "GET", "/test.txt", null, headers, EMPTY_HASH));
    }

    @Test
    void theEmptyPayloadHashIsSha256OfNothing() {
        assertEquals(EMPTY_HASH, SigV4Signer.sha256Hex(new byte[0]));
        assertEquals("Param1=value1&Param2=value2", SigV4Signer.canonicalQuery("Param2=value2&Param1=value1"));
        assertEquals("a=%20b&a=%2B&b=~", SigV4Signer.canonicalQuery("b=~&a=%2B&a=%20b"));
        assertEquals("20150830T123600Z", SigV4Signer.amzDate(java.time.Instant.parse("2015-08-30T12:36:00Z").getEpochSecond()));
        assertEquals("00010102T030405Z", SigV4Signer.amzDate(java.time.Instant.parse("0001-01-02T03:04:05Z").getEpochSecond()));
        assertEquals(Map.of("my-header1", "a b c"), SigV4Signer.canonicalHeaders(Map.of("My-Header1", "  a   b  c ")));
        assertEquals(EMPTY_HASH.length(), SigV4Signer.sha256Hex("x".getBytes(StandardCharsets.UTF_8)).length());
    }
}
