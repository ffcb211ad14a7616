package dev.jwtauthorizer.policy;


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
        String[] fields = text.split(":", 6);
        if (fields.length != 6 || !fields[0].equals("arn") || !fields[2].equals("execute-api")) {
            throw new IllegalArgumentException("not an execute-api ARN");
        }
        String[] resource = fields[5].split("/", 4);
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
        if (!isPartition(arn.partition) || !only(arn.region, "-", true, false, true)
                || arn.account.length() != 12 || !only(arn.account, "", false, false, true)
                || !only(arn.apiId, "", true, true, true) || !only(arn.stage, "_.$-", true, true, true)
                || !webSocket && (!only(arn.verb, "", false, true, false) || containsWildcardOrControl(arn.path))) {
            throw new IllegalArgumentException("methodArn has an invalid part");
        }
        return arn;
    }

    /** Whether this is a WebSocket API's route ($connect) rather than an HTTP verb and path. */
    public boolean isWebSocketRoute() {
        return verb == null;
    }

    /** The resource ARN for a verb and path (or, with a null verb, a WebSocket route key) on this request's API and stage. */
    public String resource(String resourceVerb, String resourcePath) {
        return stagePrefix() + (resourceVerb == null ? resourcePath : resourceVerb + resourcePath);
    }

    /** The resource that covers every route of this request's API stage. */
    public String everyRoute() {
        // "*/*" for verb and path, as API Gateway's own examples write it; a WebSocket route has no slash.
        return stagePrefix() + (isWebSocketRoute() ? "*" : "*/*");
    }

    private String stagePrefix() {
        return "arn:" + partition + ":execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/";
    }

    /** The resource ARN of the request itself. */
    public String requestResource() {
        return resource(verb, path);
    }

    // The parts are checked by loops, not regular expressions: java.util.regex costs 40-odd classes
    // and a few milliseconds to load on the way to a cold start's first answer.

    /** aws, aws-cn, aws-us-gov: "aws" then any number of "-" and lower-case letters. */
    private static boolean isPartition(String partition) {
        if (!partition.startsWith("aws")) {
            return false;
        }
        int i = 3;
        while (i < partition.length()) {
            if (partition.charAt(i++) != '-') {
                return false;
            }
            int start = i;
            while (i < partition.length() && partition.charAt(i) >= 'a' && partition.charAt(i) <= 'z') {
                i++;
            }
            if (i == start) {
                return false;
            }
        }
        return true;
    }

    /** $connect, $disconnect, $default: "$" then lower-case letters. */
    private static boolean isWebSocketRouteKey(String part) {
        return part.length() > 1 && part.charAt(0) == '$' && only(part.substring(1), "", true, false, false);
    }

    /** Whether the text is not empty and every character is an ASCII one of the kinds allowed. */
    private static boolean only(String text, String others, boolean lower, boolean upper, boolean digits) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = lower && c >= 'a' && c <= 'z' || upper && c >= 'A' && c <= 'Z' || digits && c >= '0' && c <= '9'
                    || others.indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
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
