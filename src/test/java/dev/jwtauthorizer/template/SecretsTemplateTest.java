package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stack as deployed with secrets: the role may read exactly the secrets named and no other,
 * SnapStart stays on unless the optional Secrets extension is chosen, and the function is told
 * where to read them.
 */
class SecretsTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String HMAC_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:jwt-hmac-AbCdEf";
    private static final String KEYS_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-keys-GhIjKl";
    private static final String LAYER = "arn:aws:lambda:eu-west-1:325218067255:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:18";

    private static ResolvedTemplate stack(String... parameters) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        return ResolvedTemplate.of(TEMPLATE, values);
    }

    /** Every resource a GetSecretValue statement of the role names. */
    private static List<String> readableSecrets(ResolvedTemplate stack) {
        List<String> secrets = new ArrayList<>();
        for (JsonNode policy : stack.properties("JwtAuthorizerRole").orElseThrow().path("Policies")) {
            for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                List<String> actions = statement.path("Action").isArray()
                        ? AlarmsTemplateTest.texts(statement.path("Action")) : List.of(statement.path("Action").asText());
                if (actions.stream().anyMatch(a -> a.startsWith("secretsmanager:"))) {
                    assertEquals(List.of("secretsmanager:GetSecretValue"), actions);
                    assertEquals("Allow", statement.path("Effect").asText());
                    JsonNode resource = statement.path("Resource");
                    if (resource.isArray()) {
                        resource.forEach(r -> secrets.add(r.asText()));
                    } else {
                        secrets.add(resource.asText());
                    }
                }
            }
        }
        return secrets;
    }

    private static JsonNode function(ResolvedTemplate stack) {
        return stack.properties("JwtAuthorizerFunction").orElseThrow();
    }

    private static String variable(ResolvedTemplate stack, String name) {
        return function(stack).path("Environment").path("Variables").path(name).asText();
    }

    @Test
    void withoutSecretsTheRoleReadsNone() throws Exception {
        ResolvedTemplate stack = stack();
        assertEquals(List.of(), readableSecrets(stack));
        assertEquals("PublishedVersions", function(stack).path("SnapStart").path("ApplyOn").asText());
        assertEquals("api", variable(stack, "JWT_SECRETS_VIA"));
    }

    @Test
    void theRoleReadsExactlyTheSecretsNamedAndSnapStartStaysOn() throws Exception {
        assertEquals(List.of(HMAC_ARN), readableSecrets(stack("JwtHmacSecretId", HMAC_ARN, "JwtAlgorithms", "HS256")));
        assertEquals(List.of(KEYS_ARN), readableSecrets(stack("ApiKeysSecretArn", KEYS_ARN)));
        ResolvedTemplate both = stack("JwtHmacSecretId", HMAC_ARN, "JwtAlgorithms", "HS256", "ApiKeysSecretArn", KEYS_ARN);
        assertEquals(List.of(HMAC_ARN, KEYS_ARN), readableSecrets(both));
        assertEquals("PublishedVersions", function(both).path("SnapStart").path("ApplyOn").asText());
        assertEquals("api", variable(both, "JWT_SECRETS_VIA"));
        assertEquals(KEYS_ARN, variable(both, "JWT_API_KEYS_SECRET_ID"));
        assertTrue(function(both).path("Layers").isMissingNode(), "no extension layer unless asked for");
    }

    @Test
    void theOptionalExtensionTurnsSnapStartOff() throws Exception {
        ResolvedTemplate stack = stack("ApiKeysSecretArn", KEYS_ARN, "SecretsExtensionLayerArn", LAYER);
        assertEquals("None", function(stack).path("SnapStart").path("ApplyOn").asText());
        assertEquals("extension", variable(stack, "JWT_SECRETS_VIA"));
        assertEquals(LAYER, function(stack).path("Layers").path(0).asText());
        assertEquals(List.of(KEYS_ARN), readableSecrets(stack));
    }

    @Test
    void theApiKeysSecretMustBeAnArnForThePolicyToName() throws Exception {
        JsonNode parameter = CloudFormationYaml.read(TEMPLATE).path("Parameters").path("ApiKeysSecretArn");
        Pattern arn = Pattern.compile(parameter.path("AllowedPattern").asText());
        assertTrue(arn.matcher(KEYS_ARN).matches());
        assertTrue(arn.matcher("").matches());
        assertTrue(!arn.matcher("api-keys").matches(), "a name would leave the policy naming nothing");
        assertEquals("", parameter.path("Default").asText());
    }
}
