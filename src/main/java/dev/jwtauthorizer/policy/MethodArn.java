package dev.jwtauthorizer.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * The methodArn (or an HTTP API's routeArn) API Gateway sends, in its parts:
 * {@code arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/{verb}/{path...}}, or for
 * a WebSocket API's $connect {@code arn:...:{apiId}/{stage}/$connect}. Every resource in a policy
 * is built from these parts, so a policy never names another partition, region, account, API or
 * stage than the one the request came in on.
 *
 * @param verb the HTTP verb; null for a WebSocket route
 * @param path the request path with its leading slash ("/" for the root), or a WebSocket route key
 */
public record MethodArn(String partition, String region, String account, String apiId, String stage,
                        String verb, String path) {
    /** API Gateway's own limit on a methodArn. */
    public static final int MAX_LENGTH = 1600;
    /** IAM's limit on one resource ARN in a policy. */
    public static final int MAX_RESOURCE_LENGTH = 512;
    // API Gateway's limits on the parts (stage names up to 128 characters, API ids of 10), with room
    // for partitions and regions yet to come. Within them, every resource a route of at most
    // Route.MAX_PATH_LENGTH builds stays under MAX_RESOURCE_LENGTH.
    static final int MAX_PARTITION_LENGTH = 16;
    static final int MAX_REGION_LENGTH = 32;
    static final int MAX_API_ID_LENGTH = 16;
    static final int MAX_STAGE_LENGTH = 128;
    static final int MAX_VERB_LENGTH = 16;


    /** A methodArn whose shape is right but which is longer, or has a longer part, than API Gateway sends. */
    public static final class OutOfLimitsException extends IllegalArgumentException {
        OutOfLimitsException(String message) {
            super(message);
        }
    }

    /**
     * @throws OutOfLimitsException     when the text or one of its parts is longer than API Gateway allows
     * @throws IllegalArgumentException when the text is not a methodArn
     */
    public static MethodArn parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("methodArn missing");
        }
        if (text.length() > MAX_LENGTH) {
            throw new OutOfLimitsException("methodArn longer than " + MAX_LENGTH);
        }
        String[] fields = parts(text, ':', 6);
        if (fields.length != 6 || !fields[0].equals("arn") || !fields[2].equals("execute-api")) {
            throw new IllegalArgumentException("not an execute-api ARN");
        }
        String[] resource = parts(fields[5], '/', 4);
        if (resource.length < 3) {
            throw new IllegalArgumentException("methodArn has no API id, stage and verb");
        }
        // A WebSocket route key ($connect) stands where REST and HTTP APIs have a verb and a path.
        boolean webSocket = resource.length == 3 && isWebSocketRouteKey(resource[2]);
        MethodArn arn = webSocket
                ? new MethodArn(fields[1], fields[3], fields[4], resource[0], resource[1], null, resource[2])
                : new MethodArn(fields[1], fields[3], fields[4], resource[0], resource[1], resource[2],
                        "/" + (resource.length == 4 ? resource[3] : ""));
        String verbOrRouteKey = webSocket ? arn.path : arn.verb;
        if (arn.partition.length() > MAX_PARTITION_LENGTH || arn.region.length() > MAX_REGION_LENGTH
                || arn.apiId.length() > MAX_API_ID_LENGTH || arn.stage.length() > MAX_STAGE_LENGTH
                || verbOrRouteKey.length() > MAX_VERB_LENGTH) {
            throw new OutOfLimitsException("a part of the methodArn is longer than API Gateway allows");
        }
        if (!isPartition(arn.partition) || !allOf(arn.region, REGION) || !isAccount(arn.account)
                || !allOf(arn.apiId, API_ID) || !allOf(arn.stage, STAGE)
                || !webSocket && (!allOf(arn.verb, VERB) || containsWildcardOrControl(arn.path) || isAmbiguousPath(arn.path))) {
            throw new IllegalArgumentException("methodArn has an invalid part");
        }
        return arn;
    }

    /**
     * What {@code text.split(separator, limit)} gives for a one-character separator: at most
     * {@code limit} parts, the last holding the rest. Without split's regular-expression entry,
     * list and copies, which cost more than the rest of the parse.
     */
    private static String[] parts(String text, char separator, int limit) {
        String[] parts = new String[limit];
        int count = 0;
        int from = 0;
        for (int at; count < limit - 1 && (at = text.indexOf(separator, from)) >= 0; from = at + 1) {
            parts[count++] = text.substring(from, at);
        }
        parts[count++] = text.substring(from);
        return count == limit ? parts : Arrays.copyOf(parts, count);
    }

    /** Whether this is a WebSocket API's route ($connect) rather than an HTTP verb and path. */
    public boolean isWebSocketRoute() {
        return verb == null;
    }

    /** The resource ARN for a verb and path (or, with a null verb, a WebSocket route key) on this request's API and stage. */
    public String resource(String resourceVerb, String resourcePath) {
        StringBuilder resource = stagePrefix(resourcePath.length() + (resourceVerb == null ? 0 : resourceVerb.length()));
        if (resourceVerb != null) {
            resource.append(resourceVerb);
        }
        return resource.append(resourcePath).toString();
    }

    /** The resource that covers every route of this request's API stage. */
    public String everyRoute() {
        // "*/*" for verb and path, as API Gateway's own examples write it; a WebSocket route has no slash.
        return stagePrefix(3).append(isWebSocketRoute() ? "*" : "*/*").toString();
    }

    /**
     * {@code arn:{partition}:execute-api:{region}:{account}:{apiId}/{stage}/} in a builder sized for
     * {@code more} characters after it: one array, where a concatenation grows its own several times.
     */
    private StringBuilder stagePrefix(int more) {
        int length = "arn:".length() + partition.length() + ":execute-api:".length() + region.length() + 1
                + account.length() + 1 + apiId.length() + 1 + stage.length() + 1;
        return new StringBuilder(length + more).append("arn:").append(partition).append(":execute-api:")
                .append(region).append(':').append(account).append(':').append(apiId).append('/').append(stage).append('/');
    }

    /** The resource ARN of the request itself. */
    public String requestResource() {
        return resource(verb, path);
    }

    // The parts' alphabets, checked by plain loops: a regular expression per part cost more than the
    // rest of the parse (and its classes load on the first request).
    private static final int REGION = 1;
    private static final int API_ID = 2;
    private static final int STAGE = 3;
    private static final int VERB = 4;
    private static final int LOWER = 5;

    /** Whether the text is one or more characters, all in the alphabet. */
    private static boolean allOf(String text, int alphabet) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!in(text.charAt(i), alphabet)) {
                return false;
            }
        }
        return true;
    }

    private static boolean in(char c, int alphabet) {
        boolean lower = c >= 'a' && c <= 'z';
        boolean upper = c >= 'A' && c <= 'Z';
        boolean digit = c >= '0' && c <= '9';
        return switch (alphabet) {
            case REGION -> lower || digit || c == '-';                                   // [a-z0-9-]+
            case API_ID -> lower || upper || digit;                                      // [A-Za-z0-9]+
            case STAGE -> lower || upper || digit || c == '_' || c == '.' || c == '$' || c == '-'; // [A-Za-z0-9_.$-]+
            case VERB -> upper;                                                          // [A-Z]+
            default -> lower;                                                            // [a-z]+
        };
    }

    /** aws(-[a-z]+)*: aws, aws-cn, aws-us-gov. */
    private static boolean isPartition(String text) {
        if (!text.startsWith("aws")) {
            return false;
        }
        int i = 3;
        while (i < text.length()) {
            if (text.charAt(i) != '-' || i + 1 >= text.length() || !in(text.charAt(i + 1), LOWER)) {
                return false;
            }
            i += 2;
            while (i < text.length() && in(text.charAt(i), LOWER)) {
                i++;
            }
        }
        return true;
    }

    /** [0-9]{12} */
    private static boolean isAccount(String text) {
        if (text.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** \$[a-z]+: $connect, $default. */
    private static boolean isWebSocketRouteKey(String text) {
        return text.length() > 1 && text.charAt(0) == '$' && allOf(text.substring(1), LOWER);
    }

    /**
     * A path a backend may read as another one: a dot segment ({@code /books/../admin}), an empty
     * segment before the end ({@code /books//admin}), a backslash, or a percent-encoded dot, slash or
     * backslash. A rule for {@code /books/*} matches its text, while a backend that normalises it
     * serves {@code /admin}; so no such path is answered with a policy.
     */
    private static boolean isAmbiguousPath(String path) {
        if (path.contains("//") || path.indexOf('\\') >= 0) {
            return true;
        }
        for (int start = 1; start <= path.length(); ) {
            int end = path.indexOf('/', start);
            end = end < 0 ? path.length() : end;
            int length = end - start;
            if (length > 0 && length <= 2 && path.startsWith(length == 1 ? "." : "..", start)) {
                return true;
            }
            start = end + 1;
        }
        for (int at = path.indexOf('%'); at >= 0 && at + 2 < path.length(); at = path.indexOf('%', at + 1)) {
            String code = path.substring(at + 1, at + 3).toLowerCase(Locale.ROOT);
            if (code.equals("2e") || code.equals("2f") || code.equals("5c")) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWildcardOrControl(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c < ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
