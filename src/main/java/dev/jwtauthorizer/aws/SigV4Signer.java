package dev.jwtauthorizer.aws;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) for one request: the canonical request, the string to
 * sign, the signing key derived from the secret access key, date, region and service, and the
 * Authorization header that carries the signature.
 *
 * <p>Written out rather than taken from the AWS SDK, whose start-up this function cannot afford; the
 * algorithm is public and its published test vectors are in the tests. Every header given is signed.
 * The path is used as given (already URI-encoded, as sent; this client only ever sends {@code /}), as
 * S3 wants it; other services' double encoding of paths is not needed here.
 */
public final class SigV4Signer {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signer() {
    }

    /**
     * The Authorization header's value.
     *
     * @param headers     every header to sign, by name (any case), the Host header and X-Amz-Date among
     *                    them; X-Amz-Date ({@code yyyyMMdd'T'HHmmss'Z'}) dates the signature
     * @param rawQuery    the query as sent, URI-encoded, without "?"; null or empty for none
     * @param payloadHash {@link #sha256Hex} of the body ({@code UNSIGNED-PAYLOAD} where a service allows it)
     */
    public static String authorization(AwsCredentials credentials, String region, String service, String method,
                                       String rawPath, String rawQuery, Map<String, String> headers, String payloadHash) {
        Map<String, String> canonicalHeaders = canonicalHeaders(headers);
        String amzDate = canonicalHeaders.get("x-amz-date");
        if (amzDate == null || amzDate.length() != 16) {
            throw new IllegalArgumentException("an X-Amz-Date header (yyyyMMdd'T'HHmmss'Z') is required to sign");
        }
        if (!canonicalHeaders.containsKey("host")) {
            throw new IllegalArgumentException("the Host header is required to sign");
        }
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        String canonicalRequest = canonicalRequest(method, rawPath, rawQuery, canonicalHeaders, payloadHash);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = signingKey(credentials.secretAccessKey(), amzDate.substring(0, 8), region, service);
        String signature = HEX.formatHex(hmac(key, stringToSign));
        return ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /** The canonical request: what the signature is a signature of. */
    static String canonicalRequest(String method, String rawPath, String rawQuery, Map<String, String> canonicalHeaders,
                                   String payloadHash) {
        StringBuilder text = new StringBuilder(256)
                .append(method).append('\n')
                .append(rawPath == null || rawPath.isEmpty() ? "/" : rawPath).append('\n')
                .append(canonicalQuery(rawQuery)).append('\n');
        for (Map.Entry<String, String> header : canonicalHeaders.entrySet()) {
            text.append(header.getKey()).append(':').append(header.getValue()).append('\n');
        }
        return text.append('\n')
                .append(String.join(";", canonicalHeaders.keySet())).append('\n')
                .append(payloadHash).toString();
    }

    /** Names lower-cased and sorted; values trimmed, inner runs of spaces made one. */
    static Map<String, String> canonicalHeaders(Map<String, String> headers) {
        Map<String, String> canonical = new TreeMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            String value = collapseSpaces(header.getValue().strip());
            String before = canonical.get(name);
            canonical.put(name, before == null ? value : before + "," + value);
        }
        return canonical;
    }

    private static String collapseSpaces(String value) {
        if (!value.contains("  ")) {
            return value;
        }
        StringBuilder collapsed = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != ' ' || collapsed.length() == 0 || collapsed.charAt(collapsed.length() - 1) != ' ') {
                collapsed.append(value.charAt(i));
            }
        }
        return collapsed.toString();
    }

    /** Each name and value decoded and encoded again the AWS way, sorted by name, then by value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(new String[] {uriEncode(decode(name)), uriEncode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>(pairs.size());
        for (String[] pair : pairs) {
            joined.add(pair[0] + "=" + pair[1]);
        }
        return String.join("&", joined);
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 asks. */
    static String uriEncode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
            }
        }
        return encoded.toString();
    }

    /** Percent-decoding only: a "+" in a query is a plus sign to SigV4, not a space. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    /**
     * The X-Amz-Date form of an instant, {@code yyyyMMdd'T'HHmmss'Z'} in UTC; by hand, because a
     * DateTimeFormatter costs some fifty classes at cold start.
     */
    public static String amzDate(long epochSecond) {
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(16);
        pad(text, utc.getYear(), 4);
        pad(text, utc.getMonthValue(), 2);
        pad(text, utc.getDayOfMonth(), 2);
        text.append('T');
        pad(text, utc.getHour(), 2);
        pad(text, utc.getMinute(), 2);
        pad(text, utc.getSecond(), 2);
        return text.append('Z').toString();
    }

    private static void pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
