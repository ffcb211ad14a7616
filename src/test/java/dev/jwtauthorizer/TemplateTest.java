package dev.jwtauthorizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jwtauthorizer.config.Setting;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml and events/ agree with the code: handler, settings, parameters, event outcomes. */
class TemplateTest {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String FUNCTION = "JwtAuthorizerFunction";

    private static JsonNode template() throws Exception {
        // CloudFormation's short tags (!Ref, !Sub) are dropped by the YAML reader; their values stay.
        return new ObjectMapper(new YAMLFactory()).readTree(TEMPLATE.toFile());
    }

    private static JsonNode authorizerProperties() throws Exception {
        return template().path("Resources").path(FUNCTION).path("Properties");
    }

    @Test
    void handlerNamesARealClassAndMethod() throws Exception {
        String[] handler = authorizerProperties().path("Handler").asText().split("::");
        assertEquals("dev.jwtauthorizer.lambda.AuthorizerHandler", handler[0], "the one entry for every event kind");
        Class<?> type = Class.forName(handler[0]);
        // Every event kind arrives as a JSON object, which the runtime hands over as a Map.
        Method method = type.getMethod(handler[1], Map.class, Context.class);
        assertEquals(Map.class, method.getReturnType());
        assertNotNull(type.getConstructor());
        assertEquals(".", authorizerProperties().path("CodeUri").asText());
        assertTrue(authorizerProperties().path("Runtime").asText().startsWith("java"));
    }

    @Test
    void everySettingIsMappedFromAParameter() throws Exception {
        JsonNode variables = authorizerProperties().path("Environment").path("Variables");
        for (Setting setting : Setting.values()) {
            assertTrue(variables.has(setting.name()), setting.name() + " is not mapped in template.yaml");
        }
    }

    @Test
    void everyReferenceNamesAParameterOrResource() throws Exception {
        JsonNode template = template();
        Set<String> known = new HashSet<>();
        template.path("Parameters").fieldNames().forEachRemaining(known::add);
        template.path("Resources").fieldNames().forEachRemaining(known::add);
        known.addAll(List.of("AWS::NoValue", "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix"));
        String text = Files.readString(TEMPLATE);
        Matcher refs = Pattern.compile("!Ref ([A-Za-z0-9:]+)|!GetAtt ([A-Za-z0-9]+)\\.|\\$\\{([A-Za-z0-9]+)[}.]").matcher(text);
        int count = 0;
        while (refs.find()) {
            String name = refs.group(1) != null ? refs.group(1) : refs.group(2) != null ? refs.group(2) : refs.group(3);
            assertTrue(known.contains(name), "template.yaml refers to " + name + ", which it does not define");
            count++;
        }
        assertTrue(count > 20, "references found: " + count);
        // Every parameter is used somewhere.
        for (Iterator<String> it = template.path("Parameters").fieldNames(); it.hasNext(); ) {
            String parameter = it.next();
            assertTrue(text.contains("!Ref " + parameter) || text.contains("${" + parameter + "}"), parameter + " is never used");
        }
    }

    @Test
    void theHmacSecretIsNeverInPlainText() throws Exception {
        JsonNode parameters = template().path("Parameters");
        assertTrue(parameters.path("JwtHmacSecret").path("NoEcho").asBoolean());
        assertEquals("", parameters.path("JwtHmacSecret").path("Default").asText());
        // A secret from Secrets Manager is read at run time, never resolved into a variable.
        assertFalse(Files.readString(TEMPLATE).contains("resolve:secretsmanager"));
        Pattern secretArn = Pattern.compile(parameters.path("JwtHmacSecretId").path("AllowedPattern").asText());
        assertTrue(secretArn.matcher("arn:aws:secretsmanager:eu-west-1:123456789012:secret:jwt-hmac-AbCdEf").matches());
        assertTrue(secretArn.matcher("").matches());
        assertFalse(secretArn.matcher("jwt-hmac").matches(), "the IAM policy needs an ARN");
    }

    @Test
    void theApiUsesTheAliasAsATokenAuthorizer() throws Exception {
        JsonNode properties = authorizerProperties();
        assertEquals("live", properties.path("AutoPublishAlias").asText());
        // !If [SecretsThroughExtension, None, PublishedVersions]: SnapStart unless the optional Secrets
        // extension is in use, which needs the AWS_SESSION_TOKEN that SnapStart functions lack.
        JsonNode applyOn = properties.path("SnapStart").path("ApplyOn");
        assertEquals("SecretsThroughExtension", applyOn.path(0).asText());
        assertEquals("None", applyOn.path(1).asText());
        assertEquals("PublishedVersions", applyOn.path(2).asText());
        JsonNode authorizer = template().path("Resources").path("BooksApi").path("Properties").path("Auth")
                .path("Authorizers").path("JwtAuthorizer");
        // The alias ARN (a !Sub; template/ApiAuthorizersTest checks the form and both APIs).
        assertEquals("${JwtAuthorizerFunction.Arn}:live", authorizer.path("FunctionArn").asText());
        assertEquals("TOKEN", authorizer.path("FunctionPayloadType").asText());
        Pattern validation = Pattern.compile(authorizer.path("Identity").path("ValidationExpression").asText());
        assertTrue(validation.matcher("Bearer aaa.bbb.ccc").matches());
        assertTrue(validation.matcher("bearer aaa.bbb.ccc").matches());
        assertFalse(validation.matcher("Basic dXNlcjpwYXNz").matches());
    }
}
