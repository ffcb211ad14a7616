package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.lambda.UnauthorizedException;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's deploy walkthrough is true: the stack deployed with the template's defaults and the
 * parameters the README says to enter, and the token its `token` line makes, give each of its curl
 * lines the status its comment promises. API Gateway's part is played here: a request without the
 * identity source or failing the validation expression is a 401 without a call; Unauthorized is a
 * 401, any other failure a 500; a policy lets the request through only if an Allow matches it and no
 * Deny does; the HTTP API's simple response only if it says isAuthorized.
 */
class DeployWalkthroughTest {
    private static final Pattern CURL = Pattern.compile(
            "^curl -i (-X ([A-Z]+) )?(-H \"Authorization: Bearer \\$TOKEN\" )?\"\\$(API|HTTP_API)(/[^\"]*)\"\\s*# (\\d{3})");

    @TempDir
    Path keys;

    @Test
    void everyCurlLineOfTheDeploySectionGetsTheStatusItPromises() throws Exception {
        String deploy = section(Files.readString(Path.of("README.md")), "## Deploy");
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("template.yaml").toFile());
        Map<String, String> parameters = defaults(template);
        parameters.put("JwtIssuer", find(deploy, "`JwtIssuer`\\s+`([^`]+)`"));
        parameters.put("JwtAudience", find(deploy, "`JwtAudience` `([^`]+)`"));
        String token = token(find(deploy, "TOKEN=\\$\\(java -jar target/jwt-authorizer.jar token ([^)]*)\\)"));
        assertTrue(deploy.contains("paste the content of `.dev-keys/jwks.json` there"));
        parameters.put("JwtJwks", Files.readString(keys.resolve("jwks.json")).strip());
        AuthorizerHandler handler = new AuthorizerHandler(
                LogCapture.discard(() -> Authorizer.fromEnvironment(environment(template, parameters))));
        JsonNode api = template.path("Resources").path("BooksApi").path("Properties");
        Pattern validation = Pattern.compile(api.path("Auth").path("Authorizers").path("JwtAuthorizer")
                .path("Identity").path("ValidationExpression").asText());
        String stage = api.path("StageName").asText();

        List<String> checked = new ArrayList<>();
        for (String line : deploy.lines().toList()) {
            Matcher curl = CURL.matcher(line.strip());
            if (!curl.find()) {
                continue;
            }
            String verb = curl.group(2) == null ? "GET" : curl.group(2);
            String authorization = curl.group(3) == null ? null : "Bearer " + token;
            boolean httpApi = curl.group(4).equals("HTTP_API");
            String path = curl.group(5);
            String eventType = httpApi ? "HttpApi" : "Api";
            assertTrue(hasRoute(template, eventType, verb, path), "the template's example " + eventType + " has no route " + verb + " " + path);

            String status = httpApi
                    ? httpApiGateway(handler, authorization, "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/$default/" + verb + path)
                    : gateway(handler, validation, authorization, "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/" + stage + "/" + verb + path);

            assertEquals(curl.group(6), status, line);
            checked.add(curl.group(4) + " " + curl.group(6));
        }
        assertEquals(List.of("API 401", "API 200", "API 403", "HTTP_API 401", "HTTP_API 200", "HTTP_API 403"), checked,
                "the walkthrough's curl lines");
    }

    private String token(String arguments) throws Exception {
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(arguments);
        while (word.find()) {
            args.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        args.addAll(List.of("--keys", keys.toString()));
        return LogCapture.discard(() -> {
            try {
                return DevToken.run(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String gateway(AuthorizerHandler handler, Pattern validation, String authorization, String arn) {
        if (authorization == null || !validation.matcher(authorization).matches()) {
            return "401";
        }
        Map<String, Object> event = Events.token(authorization, arn);
        try {
            Map<String, Object> response = LogCapture.discard(() -> handler.handleRequest(event, null));
            return allows(response, arn) ? "200" : "403";
        } catch (UnauthorizedException e) {
            return "401";
        } catch (AuthorizerFailureException e) {
            return "500";
        }
    }

    /**
     * The template's HTTP API: no Authorization header is a 401 without a call (it is an identity
     * source); otherwise a payload 2.0 event, answered with a simple response.
     */
    private static String httpApiGateway(AuthorizerHandler handler, String authorization, String routeArn) {
        if (authorization == null) {
            return "401";
        }
        Map<String, Object> event = new HashMap<>();
        event.put("version", "2.0");
        event.put("type", "REQUEST");
        event.put("routeArn", routeArn);
        event.put("headers", Map.of("authorization", authorization));
        try {
            Map<String, Object> response = LogCapture.discard(() -> handler.handleRequest(event, null));
            return Boolean.TRUE.equals(response.get("isAuthorized")) ? "200" : "403";
        } catch (UnauthorizedException e) {
            return "401";
        } catch (AuthorizerFailureException e) {
            return "500";
        }
    }

    /** IAM's evaluation: an explicit Deny wins, otherwise an Allow must match ({@code *} any run, {@code ?} one). */
    @SuppressWarnings("unchecked")
    private static boolean allows(Map<String, Object> response, String arn) {
        boolean allowed = false;
        Map<String, Object> policy = (Map<String, Object>) response.get("policyDocument");
        for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
            for (String resource : (List<String>) statement.get("Resource")) {
                String regex = ("\\Q" + resource + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
                if (arn.matches(regex)) {
                    if ("Deny".equals(statement.get("Effect"))) {
                        return false;
                    }
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    private static boolean hasRoute(JsonNode template, String apiType, String verb, String path) {
        Iterator<JsonNode> events = template.path("Resources").path("BooksFunction").path("Properties").path("Events").elements();
        while (events.hasNext()) {
            JsonNode event = events.next();
            if (!event.path("Type").asText().equals(apiType)) {
                continue;
            }
            JsonNode properties = event.path("Properties");
            String pattern = properties.path("Path").asText().replaceAll("\\{[^}]+}", "[^/]+");
            if (properties.path("Method").asText().equalsIgnoreCase(verb) && path.matches(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> defaults(JsonNode template) {
        Map<String, String> parameters = new HashMap<>();
        template.path("Parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText()));
        return parameters;
    }

    /** The function's variables as CloudFormation sets them: each !Ref'd parameter's value. */
    private static Map<String, String> environment(JsonNode template, Map<String, String> parameters) {
        Map<String, String> env = new HashMap<>();
        template.path("Resources").path("JwtAuthorizerFunction").path("Properties").path("Environment").path("Variables")
                .fields().forEachRemaining(variable -> env.put(variable.getKey(), parameters.get(variable.getValue().asText())));
        return env;
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has no section " + heading);
        int end = readme.indexOf("\n## ", start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "README's deploy section lacks " + regex);
        return matcher.group(1);
    }
}
