package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stack with a custom check: the class name reaches JWT_CUSTOM_CHECK, the check's layer is added
 * beside the optional Secrets extension layer, and neither parameter given changes nothing.
 */
class CustomCheckTemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String CHECK = "com.example.checks.TenantCheck";
    private static final String CHECK_LAYER = "arn:aws:lambda:eu-west-1:123456789012:layer:custom-checks:3";
    private static final String SECRETS_LAYER = "arn:aws:lambda:eu-west-1:325218067255:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:18";

    private static JsonNode function(String... parameters) throws Exception {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            values.put(parameters[i], parameters[i + 1]);
        }
        return ResolvedTemplate.of(TEMPLATE, values).properties("JwtAuthorizerFunction").orElseThrow();
    }

    private static List<String> layers(JsonNode function) {
        return AlarmsTemplateTest.texts(function.path("Layers"));
    }

    @Test
    void withoutACheckThereIsNoLayerAndNoClass() throws Exception {
        JsonNode function = function();
        assertTrue(function.path("Layers").isMissingNode(), "no Layers property at all");
        assertEquals("", function.path("Environment").path("Variables").path("JWT_CUSTOM_CHECK").asText());
    }

    @Test
    void theClassReachesTheSettingAndTheLayerTheFunction() throws Exception {
        JsonNode function = function("CustomCheckClass", CHECK, "CustomCheckLayerArn", CHECK_LAYER);
        assertEquals(CHECK, function.path("Environment").path("Variables").path("JWT_CUSTOM_CHECK").asText());
        assertEquals(List.of(CHECK_LAYER), layers(function));
        assertEquals("PublishedVersions", function.path("SnapStart").path("ApplyOn").asText(), "a check's layer keeps SnapStart");
    }

    @Test
    void theCheckLayerSitsBesideTheSecretsExtension() throws Exception {
        assertEquals(List.of(SECRETS_LAYER, CHECK_LAYER), layers(function("SecretsExtensionLayerArn", SECRETS_LAYER,
                "CustomCheckLayerArn", CHECK_LAYER, "CustomCheckClass", CHECK)));
        assertEquals(List.of(SECRETS_LAYER), layers(function("SecretsExtensionLayerArn", SECRETS_LAYER)));
    }

    @Test
    void theParametersTakeOnlyAClassNameAndALayerVersionArn() throws Exception {
        JsonNode parameters = CloudFormationYaml.read(TEMPLATE).path("Parameters");
        Pattern className = Pattern.compile(parameters.path("CustomCheckClass").path("AllowedPattern").asText());
        assertTrue(className.matcher(CHECK).matches());
        assertTrue(className.matcher("com.example.Outer$Inner").matches());
        assertTrue(className.matcher("").matches());
        assertFalse(className.matcher("com.example.checks.TenantCheck::check").matches());
        assertFalse(className.matcher("com.example.").matches());
        Pattern layer = Pattern.compile(parameters.path("CustomCheckLayerArn").path("AllowedPattern").asText());
        assertTrue(layer.matcher(CHECK_LAYER).matches());
        assertTrue(layer.matcher("").matches());
        assertFalse(layer.matcher("arn:aws:lambda:eu-west-1:123456789012:layer:custom-checks").matches(), "a layer ARN needs its version");
        assertFalse(layer.matcher("custom-checks").matches());
    }
}
