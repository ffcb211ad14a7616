package dev.jwtauthorizer.serve.template;

import dev.jwtauthorizer.serve.model.ApiType;
import dev.jwtauthorizer.serve.model.AuthorizerSpec;
import dev.jwtauthorizer.serve.model.Payload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda authorizers of a SAM API's {@code Auth.Authorizers}, as API Gateway runs them.
 *
 * <p>REST ({@code AWS::Serverless::Api}): {@code FunctionPayloadType} TOKEN (the default: one header,
 * {@code Identity.Header}, default Authorization, and {@code ValidationExpression}) or REQUEST
 * ({@code Identity.Headers/QueryStrings/Context/StageVariables}); {@code ReauthorizeEvery} defaults
 * to 300 as SAM documents. HTTP ({@code AWS::Serverless::HttpApi}): {@code AuthorizerPayloadFormatVersion}
 * 1.0 or 2.0, {@code EnableSimpleResponses}, the same identity lists; SAM documents no default for
 * {@code ReauthorizeEvery} there and sets no TTL unless it is given, so it is 0 (no cache) when absent.
 */
final class SamAuthorizers {
    private final TemplateValues values;

    SamAuthorizers(TemplateValues values) {
        this.values = values;
    }

    /** The API's authorizers by name, in template order. */
    Map<String, AuthorizerSpec> read(String api, ApiType type, Map<String, Object> auth) {
        Map<String, AuthorizerSpec> authorizers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : Maps.entries(auth.get("Authorizers"), api + " Auth.Authorizers")) {
            String where = api + " authorizer " + entry.getKey();
            Map<String, Object> properties = Maps.of(entry.getValue(), where);
            if (!properties.containsKey("FunctionArn")) {
                // Cognito user pools, JWT and IAM authorizers are API Gateway's own, not this function.
                throw new IllegalArgumentException(where + ": only Lambda authorizers (FunctionArn) can be served");
            }
            authorizers.put(entry.getKey(), type == ApiType.REST
                    ? rest(entry.getKey(), properties, where) : http(entry.getKey(), properties, where));
        }
        return authorizers;
    }

    private AuthorizerSpec rest(String name, Map<String, Object> properties, String where) {
        String payloadType = values.string(properties.get("FunctionPayloadType"), where + " FunctionPayloadType");
        Map<String, Object> identity = Maps.of(properties.get("Identity"), where + " Identity");
        int ttl = ttl(identity, 300, where);
        if (payloadType == null || payloadType.equals("TOKEN")) {
            String header = values.string(identity.get("Header"), where + " Identity.Header");
            String expression = values.string(identity.get("ValidationExpression"), where + " Identity.ValidationExpression");
            List<String> sources = List.of("header:" + (header == null ? "Authorization" : header));
            return new AuthorizerSpec(name, Payload.TOKEN, sources, emptyToNull(expression), ttl, false);
        }
        if (payloadType.equals("REQUEST")) {
            return new AuthorizerSpec(name, Payload.REQUEST, identitySources(identity, where), null, ttl, false);
        }
        throw new IllegalArgumentException(where + ": FunctionPayloadType must be TOKEN or REQUEST, found " + payloadType);
    }

    private AuthorizerSpec http(String name, Map<String, Object> properties, String where) {
        String version = values.requiredString(properties.get("AuthorizerPayloadFormatVersion"),
                where + " AuthorizerPayloadFormatVersion");
        Payload payload = switch (version) {
            case "1.0" -> Payload.V1;
            case "2.0" -> Payload.V2;
            default -> throw new IllegalArgumentException(
                    where + ": AuthorizerPayloadFormatVersion must be '1.0' or '2.0', found " + version);
        };
        boolean simple = values.bool(properties.get("EnableSimpleResponses"), false, where + " EnableSimpleResponses");
        if (simple && payload == Payload.V1) {
            throw new IllegalArgumentException(where + ": EnableSimpleResponses needs payload format version 2.0");
        }
        Map<String, Object> identity = Maps.of(properties.get("Identity"), where + " Identity");
        return new AuthorizerSpec(name, payload, identitySources(identity, where), null, ttl(identity, 0, where), simple);
    }

    private List<String> identitySources(Map<String, Object> identity, String where) {
        List<String> sources = new ArrayList<>();
        add(sources, "header:", identity.get("Headers"), where + " Identity.Headers");
        add(sources, "query:", identity.get("QueryStrings"), where + " Identity.QueryStrings");
        add(sources, "context:", identity.get("Context"), where + " Identity.Context");
        add(sources, "stageVariable:", identity.get("StageVariables"), where + " Identity.StageVariables");
        return sources;
    }

    private void add(List<String> sources, String prefix, Object list, String where) {
        for (String name : values.strings(list, where)) {
            sources.add(prefix + name);
        }
    }

    private int ttl(Map<String, Object> identity, int fallback, String where) {
        return values.integer(identity.get("ReauthorizeEvery"), fallback, 0, 3600, where + " Identity.ReauthorizeEvery");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
