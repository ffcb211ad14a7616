package dev.jwtauthorizer.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorizer's answer: principal, policy, context and usage key. Immutable.
 *
 * <p>{@link #toMap()} gives what the handler returns. A Map, not a bean: the Lambda runtime's
 * serializer would write a bean's {@code getVersion()} as "version", and API Gateway only accepts
 * the capitalised policy keys.
 */
public final class AuthorizerResponse {
    public static final String POLICY_VERSION = "2012-10-17";
    public static final String ACTION = "execute-api:Invoke";

    private final String principalId;
    private final List<String> allowed;
    private final List<String> denied;
    private final Map<String, Object> context;
    private final String usageIdentifierKey;

    AuthorizerResponse(String principalId, List<String> allowed, List<String> denied,
                       Map<String, Object> context, String usageIdentifierKey) {
        this.principalId = principalId;
        this.allowed = List.copyOf(allowed);
        this.denied = List.copyOf(denied);
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
        this.usageIdentifierKey = usageIdentifierKey;
    }

    public String principalId() {
        return principalId;
    }

    /** The resource ARNs with an Allow. */
    public List<String> allowed() {
        return allowed;
    }

    /** The resource ARNs with an explicit Deny. */
    public List<String> denied() {
        return denied;
    }

    public Map<String, Object> context() {
        return context;
    }

    public String usageIdentifierKey() {
        return usageIdentifierKey;
    }

    /** Whether API Gateway would let this request through: an Allow matches and no Deny does. */
    public boolean permits(MethodArn request) {
        String resource = request.requestResource();
        for (String pattern : denied) {
            if (IamPattern.matches(pattern, resource)) {
                return false;
            }
        }
        for (String pattern : allowed) {
            if (IamPattern.matches(pattern, resource)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON shape API Gateway expects, as nested maps and lists, with no null anywhere. */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> statements = new ArrayList<>(2);
        if (!allowed.isEmpty()) {
            statements.add(statement("Allow", allowed));
        }
        if (!denied.isEmpty()) {
            statements.add(statement("Deny", denied));
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", POLICY_VERSION);
        policy.put("Statement", statements);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("principalId", principalId);
        response.put("policyDocument", policy);
        if (!context.isEmpty()) {
            response.put("context", new LinkedHashMap<>(context));
        }
        if (usageIdentifierKey != null) {
            response.put("usageIdentifierKey", usageIdentifierKey);
        }
        return response;
    }

    private static Map<String, Object> statement(String effect, List<String> resources) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", ACTION);
        statement.put("Effect", effect);
        statement.put("Resource", resources);
        return statement;
    }
}
