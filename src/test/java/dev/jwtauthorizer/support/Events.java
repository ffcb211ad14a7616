package dev.jwtauthorizer.support;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Authorizer events as the handler receives them, and its answers as API Gateway receives them:
 * through the Lambda Java runtime's own serializer (aws-lambda-java-serialization's JacksonFactory),
 * picked, as the runtime picks it, from the handler method's generic types.
 */
public final class Events {
    private Events() {
    }

    /** A REST API TOKEN event; null members are left out, as API Gateway leaves them out. */
    public static Map<String, Object> token(String authorizationToken, String methodArn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "TOKEN");
        if (authorizationToken != null) {
            event.put("authorizationToken", authorizationToken);
        }
        if (methodArn != null) {
            event.put("methodArn", methodArn);
        }
        return event;
    }

    /** The event the runtime hands the handler for this JSON text. */
    public static Map<String, Object> fromJson(String json) {
        PojoSerializer<Map<String, Object>> serializer = serializer(0);
        return serializer.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JSON text the runtime sends API Gateway for the handler's answer. */
    public static String toJson(Map<String, Object> answer) {
        PojoSerializer<Map<String, Object>> serializer = serializer(-1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(answer, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @param parameter the handler's parameter index, or -1 for its return type */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<Map<String, Object>> serializer(int parameter) {
        try {
            var method = AuthorizerHandler.class.getMethod("handleRequest", Map.class,
                    com.amazonaws.services.lambda.runtime.Context.class);
            Type type = parameter < 0 ? method.getGenericReturnType() : method.getGenericParameterTypes()[parameter];
            return (PojoSerializer<Map<String, Object>>) (PojoSerializer<?>) JacksonFactory.getInstance().getSerializer(type);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the handler has handleRequest(Map, Context)", e);
        }
    }
}
