import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import java.util.HashMap;
import java.util.Map;

/**
 * One cold decision on an HS256 token whose secret is read one way: "api" (signed GetSecretValue),
 * "extension" (the Parameters and Secrets extension's endpoint) or "inline" (JWT_HMAC_SECRET, the
 * JVM-only baseline). Prints the wall-clock millisecond of the decision on stderr; the script
 * subtracts the millisecond it started the JVM at.
 * Usage: java ColdSecret MODE PORT SECRET TOKEN
 */
public final class ColdSecret {
    public static void main(String[] args) {
        String mode = args[0];
        Map<String, String> env = new HashMap<>();
        env.put("JWT_ISSUER", "https://issuer.bench.example");
        env.put("JWT_AUDIENCE", "bench-api");
        env.put("JWT_ALGORITHMS", "HS256");
        env.put("POWERTOOLS_LOG_LEVEL", "WARN");
        switch (mode) {
            case "api" -> {
                env.put("JWT_HMAC_SECRET_ID", "jwt");
                env.put("JWT_SECRETS_VIA", "api");
                env.put("AWS_REGION", "eu-west-1");
                env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:" + args[1]);
                env.put("AWS_ACCESS_KEY_ID", "AKIDBENCHEXAMPLE");
                env.put("AWS_SECRET_ACCESS_KEY", "bench-secret-access-key");
                env.put("AWS_SESSION_TOKEN", "bench-session-token");
            }
            case "extension" -> {
                env.put("JWT_HMAC_SECRET_ID", "jwt");
                env.put("JWT_SECRETS_VIA", "extension");
                env.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", args[1]);
                env.put("AWS_SESSION_TOKEN", "bench-session-token");
            }
            case "inline" -> env.put("JWT_HMAC_SECRET", args[2]);
            default -> throw new IllegalArgumentException("mode: api, extension or inline");
        }
        Map<String, Object> event = Map.of("type", "TOKEN", "authorizationToken", "Bearer " + args[3],
                "methodArn", "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/GET/books/42");
        Map<String, Object> answer = new AuthorizerHandler(Authorizer.fromEnvironment(env)).handleRequest(event, null);
        long decided = System.currentTimeMillis();
        if (!answer.toString().contains("Effect=Allow")) {
            throw new IllegalStateException("not allowed: the bench's token or secret is wrong");
        }
        System.err.println("decided_at_ms=" + decided);
    }
}
