package dev.jwtauthorizer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.BundledEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The packaged jar run as a user runs it: a process, files in, JSON out. */
class CommandLineIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path JAR = Path.of(System.getProperty("authorizer.jar", "target/jwt-authorizer.jar"));
    private static final Path EVENTS = Path.of("events");
    private static final String ENV = "events/env.json";

    private record Result(int exit, String stdout, String stderr) {
        JsonNode json() throws IOException {
            return MAPPER.readTree(stdout);
        }
    }

    private static ProcessBuilder command(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("JWT_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static Result run(Map<String, String> environment, String stdin, String... args) throws Exception {
        Process process = command(environment, args).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), out, err);
    }

    private static Result run(String... args) throws Exception {
        return run(Map.of(), "", args);
    }

    private static boolean allows(JsonNode answer, String methodArn) {
        for (JsonNode statement : answer.path("policyDocument").path("Statement")) {
            if (statement.get("Effect").asText().equals("Allow")) {
                for (JsonNode resource : statement.get("Resource")) {
                    String pattern = resource.asText().replace("*", ".*");
                    if (methodArn.matches(pattern)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static List<Path> bundledEvents() {
        return BundledEvents.files();
    }

    /** What API Gateway makes of one line the command line wrote: the answer, or the runtime's error object. */
    private static ApiGateway.Status verdict(String line, Path event) throws IOException {
        Map<String, Object> answer = MAPPER.readValue(line, new TypeReference<Map<String, Object>>() { });
        if (answer.containsKey("errorMessage")) {
            return ApiGateway.failed((String) answer.get("errorMessage"));
        }
        return ApiGateway.judge(answer, BundledEvents.arn(BundledEvents.read(event)), BundledEvents.simpleResponses(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledEvents")
    void everyBundledEventGivesTheOutcomeItsNamePromises(Path event) throws Exception {
        Result result = run("invoke", "-e", event.toString(), "--env-vars", ENV);
        assertEquals(0, result.exit(), result.stderr());
        assertEquals(1, result.stdout().strip().lines().count(), "stdout carries only the answer");
        assertEquals(BundledEvents.promised(event), verdict(result.stdout().strip(), event), event + ": " + result.stdout());
        if (BundledEvents.promised(event) == ApiGateway.Status.UNAUTHORIZED_401) {
            assertEquals(UNAUTHORIZED_TYPE, result.json().get("errorType").asText());
        }
        JsonNode decision = null;
        for (String line : result.stderr().lines().toList()) {
            if (line.contains("\"event\":\"decision\"")) {
                decision = MAPPER.readTree(line);
            }
        }
        assertNotNull(decision, "logs go to stderr: " + result.stderr());
        assertEquals(BundledEvents.kind(event).name(), decision.path("api").asText());
    }

    /** A captured mix of every kind, one event a line, answered as invoke answers each alone. */
    @Test
    void replayAnswersAMixOfEveryKindAsTheirNamesPromise(@TempDir Path dir) throws Exception {
        List<Path> events = BundledEvents.files();
        StringBuilder lines = new StringBuilder();
        for (Path event : events) {
            lines.append(MAPPER.readTree(event.toFile())).append('\n');
        }
        Path file = dir.resolve("captured.jsonl");
        Files.writeString(file, lines);
        Result result = run("replay", file.toString(), "--env-vars", ENV);
        assertEquals(0, result.exit(), result.stderr());
        List<String> answers = result.stdout().lines().toList();
        assertEquals(events.size(), answers.size(), result.stdout());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(BundledEvents.promised(events.get(i)), verdict(answers.get(i), events.get(i)),
                    events.get(i) + ": " + answers.get(i));
        }
    }

    private static final String UNAUTHORIZED_TYPE = "dev.jwtauthorizer.lambda.UnauthorizedException";

    @Test
    void invokeReadsTheEventFromStandardInput() throws Exception {
        String event = Files.readString(EVENTS.resolve("valid-token.json"));
        Result result = run(Map.of(), event, "invoke", "-e", "-", "--env-vars", ENV);
        assertEquals(0, result.exit(), result.stderr());
        assertEquals("alice", result.json().get("principalId").asText());
    }

    @Test
    void configurationComesFromTheEnvironmentAndEnvVarsOverridesIt(@TempDir Path dir) throws Exception {
        JsonNode section = MAPPER.readTree(Path.of(ENV).toFile()).get("JwtAuthorizerFunction");
        Map<String, String> environment = MAPPER.convertValue(section, Map.class);
        Result fromEnvironment = run(environment, "", "invoke", "-e", "events/valid-token.json");
        assertEquals("alice", fromEnvironment.json().get("principalId").asText(), fromEnvironment.stderr());

        // A global Parameters section overriding the environment: the audience no longer matches.
        Path parameters = dir.resolve("params.json");
        Files.writeString(parameters, "{\"Parameters\": {\"JWT_AUDIENCE\": \"another-api\"}}");
        Result overridden = run(environment, "", "invoke", "-e", "events/valid-token.json", "--env-vars", parameters.toString());
        assertEquals("Unauthorized", overridden.json().get("errorMessage").asText());

        // A function's own section wins over Parameters.
        Files.writeString(parameters, "{\"Parameters\": {\"JWT_AUDIENCE\": \"another-api\"}, \"Fn\": {\"JWT_AUDIENCE\": \"books-api\"}}");
        Result functionWins = run(environment, "", "invoke", "-e", "events/valid-token.json", "--env-vars", parameters.toString());
        assertEquals("alice", functionWins.json().get("principalId").asText(), functionWins.stderr());
    }

    @Test
    void replayAnswersEveryLineInOrderAndGoesOnPastBadLines(@TempDir Path dir) throws Exception {
        String valid = MAPPER.readTree(EVENTS.resolve("valid-token.json").toFile()).toString();
        String expired = MAPPER.readTree(EVENTS.resolve("expired-token.json").toFile()).toString();
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, valid + "\n{not json\n" + expired + "\n[1,2]\n" + valid + "\n");
        Result result = run("replay", file.toString(), "--env-vars", ENV);
        assertEquals(0, result.exit(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertEquals(5, lines.size(), result.stdout());
        assertEquals("alice", MAPPER.readTree(lines.get(0)).get("principalId").asText());
        assertEquals("InvalidEvent", MAPPER.readTree(lines.get(1)).get("errorType").asText());
        assertEquals("Unauthorized", MAPPER.readTree(lines.get(2)).get("errorMessage").asText());
        assertEquals("InvalidEvent", MAPPER.readTree(lines.get(3)).get("errorType").asText());
        assertEquals("alice", MAPPER.readTree(lines.get(4)).get("principalId").asText());
    }

    @Test
    void replayFromStandardInputAnswersEachLineBeforeReadingTheNext() throws Exception {
        String valid = MAPPER.readTree(EVENTS.resolve("valid-token.json").toFile()).toString();
        String expired = MAPPER.readTree(EVENTS.resolve("expired-token.json").toFile()).toString();
        Process process = command(Map.of(), "replay", "-", "--env-vars", ENV).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            // Standard input stays open: each answer must arrive while we still hold the next line back.
            in.write((valid + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals("alice", MAPPER.readTree(out.readLine()).get("principalId").asText());
            in.write((expired + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertEquals("Unauthorized", MAPPER.readTree(out.readLine()).get("errorMessage").asText());
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    @Test
    void usageErrorsExitNonZeroWithOneLine() throws Exception {
        for (String[] args : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"invoke"},
                new String[] {"invoke", "-e", "no-such-file.json"})) {
            Result result = run(args);
            assertEquals(2, result.exit(), String.join(" ", args));
            assertEquals("", result.stdout());
            assertTrue(result.stderr().startsWith("jwt-authorizer: "), result.stderr());
            if (args.length > 0) {
                assertEquals(1, result.stderr().strip().lines().count(), result.stderr());
            }
        }
        Result help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.stdout().contains("invoke -e EVENT.json"), help.stdout());
    }

    @Test
    void configurationErrorsNameTheVariable() throws Exception {
        Result result = run(Map.of("JWT_AUDIENCE", "x", "JWT_JWKS_URI", "https://idp.example/jwks.json"), "",
                "invoke", "-e", "events/valid-token.json");
        assertEquals(1, result.exit());
        assertEquals("", result.stdout());
        assertEquals("jwt-authorizer: configuration error: JWT_ISSUER: is required and not set", result.stderr().strip());
    }

    @Test
    void tokenToolMintsTokensThatTheAuthorizerTrustsWithItsEnvVarsFile(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Result first = run("token", "--sub", "carol", "--scope", "books:read", "--keys", keys.toString(), "--event", "GET", "/books/7");
        assertEquals(0, first.exit(), first.stderr());
        assertTrue(first.stderr().contains("created development keys"), first.stderr());
        String env = keys.resolve("env.json").toString();
        for (String alg : List.of("RS256", "ES256", "HS256")) {
            Result event = run("token", "--alg", alg, "--sub", "carol", "--scope", "books:read", "--keys", keys.toString(),
                    "--event", "GET", "/books/7");
            assertFalse(event.stderr().contains("created"), "keys are made once");
            Result answer = run(Map.of(), event.stdout(), "invoke", "-e", "-", "--env-vars", env);
            assertEquals("carol", answer.json().get("principalId").asText(), alg + ": " + answer.stdout() + answer.stderr());
            assertTrue(allows(answer.json(), "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/7"), answer.stdout());
        }
        // The same token in a REST REQUEST and an HTTP API event: a policy, and a simple response.
        Result request = run("token", "--sub", "carol", "--scope", "books:read", "--keys", keys.toString(),
                "--event", "GET", "/books/7", "--kind", "request");
        Result policy = run(Map.of(), request.stdout(), "invoke", "-e", "-", "--env-vars", env);
        assertTrue(allows(policy.json(), "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/books/7"), policy.stdout());
        assertTrue(policy.stderr().contains("\"api\":\"REST_REQUEST\""), policy.stderr());
        for (String[] route : List.of(new String[] {"GET", "/books/7", "true"}, new String[] {"POST", "/books", "false"})) {
            Result httpApi = run("token", "--sub", "carol", "--scope", "books:read", "--keys", keys.toString(),
                    "--event", route[0], route[1], "--kind", "http-api");
            Result simple = run(Map.of(), httpApi.stdout(), "invoke", "-e", "-", "--env-vars", env);
            assertEquals(Boolean.parseBoolean(route[2]), simple.json().get("isAuthorized").asBoolean(), simple.stdout() + simple.stderr());
            assertTrue(simple.stderr().contains("\"api\":\"HTTP_API_V2\""), simple.stderr());
        }
        // The key set the tool writes holds public keys only.
        String jwks = Files.readString(keys.resolve("jwks.json"));
        assertFalse(jwks.contains("\"d\""), jwks);
        assertFalse(Files.readString(Path.of(env)).contains("PRIVATE"), "no private key in env.json");
    }

    @Test
    void tokenToolClaimsMeetTheRulesInTheEnvVarsFile(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        run("token", "--keys", keys.toString());
        setRules(keys.resolve("env.json"), "[{\"claim\":\"tier\",\"value\":\"gold\",\"allow\":[\"* /premium/*\"]}]");
        Result gold = run("token", "--claim", "tier=gold", "--claim", "level=3", "--keys", keys.toString(), "--event", "PUT", "/premium/x");
        Result answer = run(Map.of(), gold.stdout(), "invoke", "-e", "-", "--env-vars", keys.resolve("env.json").toString());
        assertTrue(allows(answer.json(), "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/PUT/premium/x"), answer.stdout());
        Result silver = run("token", "--claim", "tier=silver", "--keys", keys.toString(), "--event", "PUT", "/premium/x");
        Result denied = run(Map.of(), silver.stdout(), "invoke", "-e", "-", "--env-vars", keys.resolve("env.json").toString());
        assertFalse(allows(denied.json(), "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/PUT/premium/x"), denied.stdout());
    }

    /**
     * The environment the shared peer benchmark gives both sides: its key set as JWT_JWKS_FILE (the
     * peer's variable) and as a file:// JWT_JWKS_URI of the same file. One key set, so it starts.
     */
    @Test
    void aKeySetFileBesideAFileUriOfTheSameFileStartsAndAllows(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Result event = run("token", "--sub", "carol", "--keys", keys.toString(), "--event", "GET", "/books/7");
        assertEquals(0, event.exit(), event.stderr());
        JsonNode minted = MAPPER.readTree(keys.resolve("env.json").toFile()).elements().next();
        Path jwks = keys.resolve("jwks.json").toAbsolutePath();
        Map<String, String> environment = Map.of("JWT_ISSUER", minted.get("JWT_ISSUER").asText(),
                "JWT_AUDIENCE", minted.get("JWT_AUDIENCE").asText(), "JWT_ALGORITHMS", "RS256",
                "JWT_JWKS_FILE", jwks.toString(), "JWT_JWKS_URI", jwks.toUri().toString());
        Result answer = run(environment, event.stdout(), "invoke", "-e", "-");
        assertEquals(0, answer.exit(), answer.stderr());
        assertEquals("carol", answer.json().get("principalId").asText(), answer.stdout());

        Path other = dir.resolve("other.json");
        Files.copy(jwks, other);
        Map<String, String> twoFiles = new HashMap<>(environment);
        twoFiles.put("JWT_JWKS_URI", other.toUri().toString());
        Result refused = run(twoFiles, event.stdout(), "invoke", "-e", "-");
        assertEquals(1, refused.exit());
        assertTrue(refused.stderr().contains("JWT_JWKS_FILE: and JWT_JWKS_URI are both set and do not name the same file"),
                refused.stderr());
    }

    @Test
    void tokenToolRejectsBadOptions(@TempDir Path dir) throws Exception {
        for (String[] args : List.of(new String[] {"token", "--ttl", "soon"}, new String[] {"token", "--alg", "none"},
                new String[] {"token", "--claim", "novalue"}, new String[] {"token", "--frob", "x"},
                new String[] {"token", "--event", "GET", "/books", "--kind", "grpc"})) {
            Result result = run(Map.of(), "", concat(args, "--keys", dir.resolve("k").toString()));
            assertEquals(2, result.exit(), String.join(" ", args) + ": " + result.stderr());
            assertEquals("", result.stdout());
            assertEquals(1, result.stderr().strip().lines().count(), result.stderr());
        }
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Edits the function section of an env-vars file as a user would. */
    private static void setRules(Path envFile, String rules) throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(envFile.toFile());
        ((ObjectNode) root.get("JwtAuthorizerFunction")).put("JWT_RULES", rules);
        MAPPER.writeValue(envFile.toFile(), root);
    }
}
