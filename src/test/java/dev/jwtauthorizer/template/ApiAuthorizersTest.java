package dev.jwtauthorizer.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example stack's two APIs, REST and HTTP, are protected by the one authorizer function through
 * its SnapStart alias, and `sam local start-api` can find that function for both.
 */
class ApiAuthorizersTest {
    private static final String FUNCTION = "JwtAuthorizerFunction";
    private static final List<String> APIS = List.of("BooksApi", "BooksHttpApi", "PartnerHttpApi");

    private static JsonNode template;

    @BeforeAll
    static void readTemplate() throws Exception {
        template = CloudFormationYaml.read(Path.of("template.yaml"));
    }

    private static JsonNode resource(String name) {
        return template.path("Resources").path(name);
    }

    private static JsonNode authorizer(String api) {
        return resource(api).path("Properties").path("Auth").path("Authorizers").path("JwtAuthorizer");
    }

    @Test
    void bothApisCallTheSnapStartAliasOnlyOnceItExists() {
        String alias = resource(FUNCTION).path("Properties").path("AutoPublishAlias").asText();
        assertFalse(alias.isEmpty());
        for (String api : APIS) {
            // The function's ARN qualified by the alias: the alias ARN, in a form SAM CLI can read.
            assertEquals(sub("${" + FUNCTION + ".Arn}:" + alias), authorizer(api).path("FunctionArn"), api);
            // Nothing in that string orders the alias first, so each API waits for the alias by the
            // logical id SAM gives it; otherwise the invoke permission could name a missing alias.
            assertEquals(FUNCTION + "Alias" + alias, resource(api).path("DependsOn").asText(), api);
            assertEquals("JwtAuthorizer", resource(api).path("Properties").path("Auth").path("DefaultAuthorizer").asText(), api);
        }
        assertEquals(ref(FUNCTION + ".Alias"), template.path("Outputs").path("AuthorizerAliasArn").path("Value"));
    }

    @Test
    void theHttpApiAuthorizerAnswersSimpleResponsesCachedPerTokenAndRoute() {
        JsonNode authorizer = authorizer("BooksHttpApi");
        assertEquals("2.0", authorizer.path("AuthorizerPayloadFormatVersion").asText());
        assertTrue(authorizer.path("EnableSimpleResponses").asBoolean());
        // SAM adds the invoke permission for an HTTP API authorizer only when asked.
        assertTrue(authorizer.path("EnableFunctionDefaultPermissions").asBoolean());
        JsonNode identity = authorizer.path("Identity");
        assertEquals(List.of("Authorization"), texts(identity.path("Headers")));
        // A simple answer does not name the route it was given for: without the route key in the
        // cache key, the answer for GET /books would be reused for POST /books.
        assertEquals(List.of("routeKey"), texts(identity.path("Context")));
        assertEquals(ref("AuthorizerCacheTtlSeconds"), identity.path("ReauthorizeEvery"));
        assertEquals(ref("AuthorizerCacheTtlSeconds"), authorizer("BooksApi").path("Identity").path("ReauthorizeEvery"));
    }

    @Test
    void thePartnerApiTakesAnApiKeyAndCachesPerKeyAndRoute() {
        JsonNode authorizer = authorizer("PartnerHttpApi");
        assertEquals("2.0", authorizer.path("AuthorizerPayloadFormatVersion").asText());
        assertTrue(authorizer.path("EnableSimpleResponses").asBoolean());
        assertTrue(authorizer.path("EnableFunctionDefaultPermissions").asBoolean());
        JsonNode identity = authorizer.path("Identity");
        // The header JWT_API_KEY_SOURCES reads by default: a request without it never reaches the function.
        assertEquals(List.of("x-api-key"), texts(identity.path("Headers")));
        assertEquals(List.of("routeKey"), texts(identity.path("Context")));
        assertEquals("header:x-api-key", template.path("Parameters").path("ApiKeySources").path("Default").asText());
    }

    @Test
    void theHttpApiAllowsTheSameOriginAsTheRestApiAndHasItsUrlInTheOutputs() {
        JsonNode cors = resource("BooksHttpApi").path("Properties").path("CorsConfiguration");
        assertEquals(List.of(ref("AllowedOrigin")), elements(cors.path("AllowOrigins")));
        assertTrue(texts(cors.path("AllowHeaders")).contains("authorization"));
        assertEquals(sub("'${AllowedOrigin}'"), resource("BooksApi").path("Properties").path("Cors").path("AllowOrigin"));
        String url = template.path("Outputs").path("HttpApiUrl").path("Value").path("Fn::Sub").asText();
        assertTrue(url.startsWith("https://${BooksHttpApi}.execute-api."), url);
    }

    @Test
    void theBackendServesTheSameRoutesOnBothApis() {
        Map<String, Set<String>> routes = new HashMap<>();
        for (JsonNode event : elements(resource("BooksFunction").path("Properties").path("Events"))) {
            JsonNode properties = event.path("Properties");
            String api = event.path("Type").asText().equals("HttpApi")
                    ? properties.path("ApiId").path("Ref").asText()
                    : properties.path("RestApiId").path("Ref").asText();
            routes.computeIfAbsent(api, a -> new TreeSet<>()).add(properties.path("Method").asText() + " " + properties.path("Path").asText());
        }
        Set<String> expected = Set.of("GET /books", "GET /books/{id}", "POST /books");
        assertEquals(expected, routes.get("BooksApi"));
        assertEquals(expected, routes.get("BooksHttpApi"));
        // Machine clients with API keys may read, not write.
        assertEquals(Set.of("GET /books", "GET /books/{id}"), routes.get("PartnerHttpApi"));
        assertEquals(Set.of("BooksApi", "BooksHttpApi", "PartnerHttpApi"), routes.keySet());
    }

    @Test
    void theBackendIsAFileSamCliCanRunAndNeedNotBuild() {
        // SAM CLI refuses InlineCode for local runs (samcli/commands/local/lib/local_lambda.py, get_function).
        JsonNode properties = resource("BooksFunction").path("Properties");
        assertTrue(properties.path("InlineCode").isMissingNode());
        String module = properties.path("Handler").asText().split("\\.")[0];
        assertTrue(Files.isRegularFile(Path.of(properties.path("CodeUri").asText(), module + ".js")), properties.toString());
        // Without it, sam build would run the npm workflow for one file and fail where npm is missing.
        assertTrue(resource("BooksFunction").path("Metadata").path("SkipBuild").asBoolean());
    }

    @Test
    void samLocalStartApiFindsTheAuthorizerFunctionOfBothApis() {
        for (String api : APIS) {
            assertEquals(FUNCTION, SamCliAuthorizerFunction.name(authorizer(api).path("FunctionArn"), template), api);
        }
    }

    @Test
    void samLocalStartApiCannotFollowTheAliasReferences() {
        // Both resolve to the alias at deploy, but SAM CLI turns them into "JwtAuthorizerFunction.Alias"
        // and "$JwtAuthorizerFunction.Alias" and skips the authorizer, leaving the API open locally.
        assertNull(SamCliAuthorizerFunction.name(ref(FUNCTION + ".Alias"), template));
        assertNull(SamCliAuthorizerFunction.name(sub("${" + FUNCTION + ".Alias}"), template));
        // The form SAM CLI's own authorizer tests use (it names $LATEST when deployed).
        JsonNode getAtt = new ObjectMapper().createObjectNode().set("Fn::GetAtt", new ObjectMapper().createArrayNode().add(FUNCTION).add("Arn"));
        assertEquals(FUNCTION, SamCliAuthorizerFunction.name(getAtt, template));
    }

    @Test
    void samLocalStartApiReadsTheBundledEnvVarsFile() throws Exception {
        // SAM CLI's key for `sam local start-api` is local_start_api (samcli/lib/config/samconfig.py to_key).
        Matcher section = Pattern.compile("(?m)^\\[default\\.local_start_api\\.parameters\\]\\n((?:[^\\[].*\\n?)*)")
                .matcher(Files.readString(Path.of("samconfig.toml")));
        assertTrue(section.find(), "samconfig.toml has no [default.local_start_api.parameters]");
        assertTrue(section.group(1).contains("env_vars = \"events/env.json\""), section.group(1));
        assertTrue(Files.isRegularFile(Path.of("events/env.json")));
    }

    private static JsonNode ref(String name) {
        return new ObjectMapper().createObjectNode().put("Ref", name);
    }

    private static JsonNode sub(String text) {
        return new ObjectMapper().createObjectNode().put("Fn::Sub", text);
    }

    private static List<String> texts(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).toList();
    }

    private static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        node.elements().forEachRemaining(items::add);
        return items;
    }
}
