package dev.jwtauthorizer.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test fakes' own SigV4 check, written apart from the authorizer's signer so that a mistake in
 * one is not repeated in the other: it recomputes the signature of a request that has no query, from
 * the headers the Authorization header says were signed.
 */
final class SigV4Verifier {
    /** The parts of an Authorization header; null fields when it is not SigV4. */
    record Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                         String signature) {
        static Authorization parse(String header) {
            if (header == null || !header.startsWith("AWS4-HMAC-SHA256 ")) {
                return null;
            }
            String credential = null;
            String signed = null;
            String signature = null;
            for (String part : header.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
                String[] pair = part.strip().split("=", 2);
                if (pair.length != 2) {
                    return null;
                }
                switch (pair[0]) {
                    case "Credential" -> credential = pair[1];
                    case "SignedHeaders" -> signed = pair[1];
                    case "Signature" -> signature = pair[1];
                    default -> {
                        return null;
                    }
                }
            }
            String[] scope = credential == null ? new String[0] : credential.split("/");
            if (scope.length != 5 || !"aws4_request".equals(scope[4]) || signed == null || signature == null) {
                return null;
            }
            return new Authorization(scope[0], scope[1], scope[2], scope[3], Arrays.asList(signed.split(";")), signature);
        }
    }

    private SigV4Verifier() {
    }

    /**
     * The signature the request should carry.
     *
     * @param headers every header of the request, by lower-case name
     */
    static String expectedSignature(String secretAccessKey, Authorization authorization, String method, String path,
                                    Map<String, String> headers, byte[] body) throws Exception {
        StringBuilder canonical = new StringBuilder();
        canonical.append(method).append("\n").append(path).append("\n").append("\n");
        for (String name : authorization.signedHeaders()) {
            String value = headers.get(name);
            if (value == null) {
                return "missing signed header " + name;
            }
            canonical.append(name).append(":").append(value.trim()).append("\n");
        }
        canonical.append("\n").append(String.join(";", authorization.signedHeaders())).append("\n").append(hex(sha256(body)));
        String amzDate = headers.get("x-amz-date");
        String scope = String.join("/", authorization.date(), authorization.region(), authorization.service(), "aws4_request");
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        for (String step : List.of(authorization.date(), authorization.region(), authorization.service(), "aws4_request")) {
            key = mac(key, step);
        }
        return hex(mac(key, toSign));
    }

    /** Whether the signed header names are lower case, sorted and without repeats, as SigV4 requires. */
    static boolean wellOrdered(List<String> names) {
        List<String> sorted = new ArrayList<>(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().sorted().toList());
        return sorted.equals(names);
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] mac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
        return java.util.stream.IntStream.range(0, bytes.length)
                .mapToObj(i -> String.format("%02x", bytes[i] & 0xff)).collect(Collectors.joining());
    }
}
