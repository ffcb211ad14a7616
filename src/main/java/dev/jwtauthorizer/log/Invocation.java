package dev.jwtauthorizer.log;

/**
 * What the lines written during one invocation say about it, with the keys Powertools uses. Plain
 * values, so that the core never sees the Lambda runtime's classes: the Lambda handler fills it
 * from its Context, the command line with what it knows.
 *
 * @param requestId    {@code function_request_id}; null outside Lambda
 * @param functionName {@code function_name}, or null
 * @param functionArn  {@code function_arn}, the ARN the function was invoked by (with its alias), or null
 * @param memoryMb     {@code function_memory_size}, or null
 * @param traceId      {@code xray_trace_id}: the Root part of the X-Ray trace header, or null
 * @param coldStart    {@code cold_start}: the first invocation of the process (or of a restored snapshot)
 */
public record Invocation(String requestId, String functionName, String functionArn, Integer memoryMb,
                         String traceId, boolean coldStart) {

    /** The command line's: no request, no trace, only a name if one was given. */
    public static Invocation local(String functionName, boolean coldStart) {
        return new Invocation(null, functionName, null, null, null, coldStart);
    }

    /**
     * The trace id in an X-Ray trace header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=...;Sampled=1}),
     * as Powertools logs it; null when there is none.
     */
    public static String traceRoot(String header) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";")) {
            String field = part.trim();
            if (field.startsWith("Root=") && field.length() > "Root=".length()) {
                return field.substring("Root=".length());
            }
        }
        return null;
    }
}
