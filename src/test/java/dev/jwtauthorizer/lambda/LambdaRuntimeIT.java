package dev.jwtauthorizer.lambda;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jwtauthorizer.lambda.RuntimeApiServer.Posted;
import dev.jwtauthorizer.support.ApiGateway;
import dev.jwtauthorizer.support.BundledEvents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed function run exactly as Lambda runs it: the Lambda Java runtime's own client (the
 * {@code AWSLambda} main class of aws-lambda-java-runtime-interface-client, on the JVM's classpath
 * as in the managed runtime's /var/runtime/lib) loads the handler from a task root laid out as
 * {@code sam build} deploys it (target/classes at the root, the runtime jars under lib/), reads each
 * event from a Runtime API served here, and posts back what API Gateway would receive. That covers
 * what the in-process tests cannot: the handler string, class loading from the package, the
 * runtime's own JSON reading and writing, and how it reports a thrown exception.
 */
class LambdaRuntimeIT {
    private static final Path CLASSES = Path.of(System.getProperty("lambda.classes", "target/classes"));
    private static final Path LIB = Path.of(System.getProperty("lambda.lib", "target/lambda-layout/lib"));
    private static final Path RUNTIME_LIB = Path.of(System.getProperty("lambda.runtime.lib", "target/lambda-runtime/lib"));
    private static final String RUNTIME_CLIENT = "aws-lambda-java-runtime-interface-client";
    private static final String HANDLER = "dev.jwtauthorizer.lambda.AuthorizerHandler::handleRequest";
    /** The first answer includes the JVM's start and the function's initialisation. */
    private static final Duration FIRST_ANSWER = Duration.ofSeconds(15);
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void everyBundledEventGetsTheAnswerItsNamePromisesFromTheLambdaRuntime() throws Exception {
        Path nativeClient = extractNativeClient(work);
        Path taskRoot = assembleTaskRoot(work.resolve("task"));
        Path log = work.resolve("function.log");
        List<Path> events = BundledEvents.files();
        assertFalse(events.isEmpty(), "no events in " + BundledEvents.DIRECTORY);

        try (RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            long started = System.nanoTime();
            Process function = start(runtimeApi, taskRoot, nativeClient, log);
            try {
                List<Executable> checks = new ArrayList<>();
                List<String> requestIds = new ArrayList<>();
                long firstAnswerMs = 0;
                long slowestMs = 0;
                long restStarted = 0;
                for (Path event : events) {
                    String json = BundledEvents.read(event);
                    long sent = System.nanoTime();
                    Posted posted = invoke(runtimeApi, function, json, firstAnswerMs == 0 ? FIRST_ANSWER : ANSWER, log);
                    requestIds.add(posted.requestId());
                    if (firstAnswerMs == 0) {
                        firstAnswerMs = (System.nanoTime() - started) / 1_000_000;
                        restStarted = System.nanoTime();
                    } else {
                        slowestMs = Math.max(slowestMs, (System.nanoTime() - sent) / 1_000_000);
                    }
                    checks.add(() -> assertAll(event.toString(), () -> assertEquals(BundledEvents.promised(event),
                            judge(event, json, posted), "answered " + posted.kind() + ": " + posted.body())));
                }
                Posted unrecognised = invoke(runtimeApi, function, "{}", ANSWER, log);
                requestIds.add(unrecognised.requestId());
                long restMs = (System.nanoTime() - restStarted) / 1_000_000;
                checks.add(() -> {
                    assertEquals(ApiGateway.Status.ERROR_500, judge(null, "{}", unrecognised), "{} answered " + unrecognised.body());
                    assertEquals(AuthorizerFailureException.class.getName(), errorField(unrecognised, "errorType"),
                            "{} fails on purpose, not by a crash: " + unrecognised.body());
                });
                System.out.printf("Lambda runtime (%s): first answer %d ms after the process started; %d more in %d ms, slowest %d ms%n",
                        runtimeClientJar().getFileName(), firstAnswerMs, events.size(), restMs, slowestMs);
                checks.add(() -> decisionLinesCarryEachInvocationsKeys(Files.readString(log), requestIds));
                assertAll("answers the Lambda runtime posted (function log: " + log + ")", checks);
            } finally {
                function.destroyForcibly();
                function.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The runtime's Context and trace header reach the decision lines: one line per invocation, with
     * its request id, the function's name, ARN and memory, a trace id, and cold_start on the first only.
     */
    private static void decisionLinesCarryEachInvocationsKeys(String log, List<String> requestIds) throws IOException {
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (line.startsWith("{") && line.contains("\"event\":\"decision\"")) {
                decisions.add(readObject(line));
            }
        }
        assertEquals(requestIds, decisions.stream().map(d -> d.get("function_request_id")).toList(), "one decision line per invocation");
        assertEquals(1, decisions.stream().filter(d -> Boolean.TRUE.equals(d.get("cold_start"))).count(), "cold_start once");
        assertEquals(Boolean.TRUE, decisions.get(0).get("cold_start"));
        for (Map<String, Object> decision : decisions) {
            assertEquals(BundledEvents.FUNCTION, decision.get("function_name"));
            assertEquals(RuntimeApiServer.FUNCTION_ARN, decision.get("function_arn"));
            assertEquals(1024, decision.get("function_memory_size"));
            assertTrue(String.valueOf(decision.get("xray_trace_id")).matches("1-[0-9a-f]{8}-[0-9a-f]{24}"), decision.toString());
        }
    }

    /**
     * What API Gateway makes of what the runtime posted, after checking the answer's shape.
     *
     * @param file the bundled event's file (it says whether the API expects simple responses), or null
     */
    private static ApiGateway.Status judge(Path file, String eventJson, Posted posted) {
        if (!posted.isResponse()) {
            return ApiGateway.failed(errorField(posted, "errorMessage"));
        }
        Map<String, Object> answer = readObject(posted.body());
        boolean simple = file != null && BundledEvents.simpleResponses(file);
        if (simple) {
            AnswerShape.checkSimple(answer);
        } else {
            AnswerShape.checkPolicy(answer);
        }
        return ApiGateway.judge(answer, BundledEvents.arn(eventJson), simple);
    }

    private static Process start(RuntimeApiServer runtimeApi, Path taskRoot, Path nativeClient, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The runtime client's own switch for where its native part is; left alone it unpacks
                // it to one fixed file in /tmp, which concurrent builds on a machine would share.
                "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + nativeClient,
                "-cp", RUNTIME_LIB.toAbsolutePath() + "/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER)
                // The runtime client takes the task root from the working directory.
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(lambdaEnvironment(taskRoot, runtimeApi));
        return builder.start();
    }

    /** env.json's section for the function plus what Lambda itself sets in a function's environment. */
    private static Map<String, String> lambdaEnvironment(Path taskRoot, RuntimeApiServer runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>(BundledEvents.environment());
        env.put("_HANDLER", HANDLER);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", RUNTIME_LIB.getParent().toAbsolutePath().toString());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", BundledEvents.FUNCTION);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + BundledEvents.FUNCTION);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    /** Hands one event to the runtime and waits, bounded, for what it posts back. */
    private static Posted invoke(RuntimeApiServer runtimeApi, Process function, String event, Duration timeout, Path log)
            throws InterruptedException, IOException {
        String requestId = runtimeApi.submit(event);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Posted posted = runtimeApi.nextPost(Duration.ofMillis(100));
            if (posted != null) {
                if (posted.kind().equals("init/error")) {
                    fail("the function failed to initialise: " + posted.body() + logTail(log));
                }
                assertEquals(requestId, posted.requestId(), "the runtime answered another request");
                return posted;
            }
            if (!function.isAlive()) {
                fail("the runtime exited with " + function.exitValue() + logTail(log));
            }
        }
        return fail("no answer within " + timeout + logTail(log));
    }

    /** The package as Lambda unpacks it: classes at the root, dependency jars under lib/. */
    private static Path assembleTaskRoot(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = root.resolve(CLASSES.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path lib = Files.createDirectories(root.resolve("lib"));
        try (Stream<Path> jars = Files.list(LIB)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                assertFalse(jar.getFileName().toString().contains(RUNTIME_CLIENT), "the runtime client is in the package: " + jar);
                Files.copy(jar, lib.resolve(jar.getFileName()));
            }
        }
        return root;
    }

    /** The runtime client's native part (its Runtime API HTTP client) for this machine. */
    private static Path extractNativeClient(Path directory) throws IOException {
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch_64";
            default -> null;
        };
        assumeTrue(System.getProperty("os.name").equals("Linux") && arch != null,
                "the Lambda runtime client's native part is built for Linux on x86_64 and arm64 only");
        String entryName = "jni/libaws-lambda-jni." + (isMusl() ? "linux_musl" : "linux") + "-" + arch + ".so";
        Path library = directory.resolve("libaws-lambda-jni.so");
        try (JarFile jar = new JarFile(runtimeClientJar().toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            assertNotNull(entry, entryName + " in " + jar.getName());
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return library;
    }

    private static boolean isMusl() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/lib"))) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("ld-musl-"));
        }
    }

    private static Path runtimeClientJar() throws IOException {
        try (Stream<Path> jars = Files.list(RUNTIME_LIB)) {
            return jars.filter(j -> j.getFileName().toString().startsWith(RUNTIME_CLIENT)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + RUNTIME_CLIENT + " jar in " + RUNTIME_LIB));
        }
    }

    private static String errorField(Posted posted, String field) {
        assertEquals("error", posted.kind(), "the runtime posted " + posted.kind() + ": " + posted.body());
        return String.valueOf(readObject(posted.body()).get(field));
    }

    private static Map<String, Object> readObject(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError("the runtime posted something that is not a JSON object: " + json, e);
        }
    }

    private static String logTail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return "\n--- function log (" + log + ") ---\n" + text.substring(Math.max(0, text.length() - 4000));
    }
}
