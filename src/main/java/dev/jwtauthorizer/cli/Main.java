package dev.jwtauthorizer.cli;

import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.config.ConfigException;
import dev.jwtauthorizer.crypto.JdkCryptoWarmUp;
import dev.jwtauthorizer.lambda.AuthorizerHandler;
import dev.jwtauthorizer.serve.ApiSelection;
import dev.jwtauthorizer.serve.BindAddress;
import dev.jwtauthorizer.serve.LocalGateway;
import dev.jwtauthorizer.serve.ServeBanner;
import dev.jwtauthorizer.serve.ServeOptions;
import dev.jwtauthorizer.serve.model.ApiSpec;
import dev.jwtauthorizer.serve.template.TemplateApis;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local command line: the Lambda handler driven from a terminal, configured from the
 * environment (overridden by a SAM --env-vars file). Standard output carries only answers; logs go
 * to standard error. Exit 0 whenever the authorizer ran, whatever it decided.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: java -jar jwt-authorizer.jar invoke -e EVENT.json|- [--env-vars ENV.json] [--function NAME] [--prime]",
            "       java -jar jwt-authorizer.jar replay EVENTS.jsonl|- [--env-vars ENV.json] [--function NAME] [--prime]",
            "       " + DevToken.USAGE.substring("usage: ".length()),
            "       " + ServeOptions.USAGE.substring("usage: ".length()),
            "       " + ApiKeyCommand.USAGE.substring("usage: ".length()));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        // Before the arguments and the env-vars file are read, so that more of its work overlaps ours.
        JdkCryptoWarmUp.startInBackground();
        PrintStream out = LocalInvoker.answerStream(new FileOutputStream(FileDescriptor.out));
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(USAGE);
                return 0;
            }
            if (args.length > 0 && args[0].equals("token")) {
                out.println(DevToken.run(List.of(args).subList(1, args.length)));
                return 0;
            }
            if (args.length > 0 && args[0].equals("api-key")) {
                out.println(ApiKeyCommand.run(List.of(args).subList(1, args.length), System.in));
                return 0;
            }
            if (args.length > 0 && args[0].equals("serve")) {
                serve(List.of(args).subList(1, args.length));
                return 0;
            }
            Command command = Command.parse(args);
            Authorizer authorizer = Authorizer.fromEnvironment(command.environment());
            AuthorizerHandler handler = new AuthorizerHandler(authorizer);
            if (command.prime()) {
                // What SnapStart does before its snapshot, so that the first real decision can be
                // timed after it; through this command's own entry, as SnapStart's goes through
                // the handler Lambda calls.
                authorizer.prime(LocalInvoker.primingEntries(command.function()));
            }
            LocalInvoker invoker = new LocalInvoker(handler, command.function());
            if (command.name().equals("invoke")) {
                out.println(invoker.invoke(command.readInput()));
            } else {
                replay(invoker, command, out);
            }
            return 0;
        } catch (UsageException e) {
            System.err.println("jwt-authorizer: " + e.getMessage());
            return 2;
        } catch (ConfigException e) {
            System.err.println("jwt-authorizer: configuration error: " + e.getMessage());
            return 1;
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("jwt-authorizer: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            out.flush();
        }
    }

    /**
     * {@code serve}: the authorizer built as {@code invoke} builds it, behind a local API Gateway
     * that runs until the process is stopped.
     */
    private static void serve(List<String> args) throws UsageException, IOException, InterruptedException {
        ServeOptions options;
        ApiSpec api;
        BindAddress bind;
        try {
            options = ServeOptions.parse(args);
            bind = options.bindAddress();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--help for usage)");
        }
        Map<String, String> environment = environment(options.envVars(), options.function());
        Authorizer authorizer = Authorizer.fromEnvironment(environment);
        try {
            if (options.template() == null) {
                api = ApiSelection.defaultApi(options.ttl() == null ? ApiSelection.DEFAULT_TTL_SECONDS : options.ttl());
            } else {
                api = ApiSelection.pick(templateApis(Path.of(options.template())), options.api());
                api = options.ttl() == null ? api : ApiSelection.withTtl(api, options.ttl());
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        LocalGateway gateway;
        try {
            gateway = LocalGateway.start(api, new AuthorizerHandler(authorizer),
                    new LocalGateway.Settings(bind, options.port(), options.upstream(), Clock.systemUTC(), System.err::println));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new IOException("cannot listen on " + bind.address().getHostAddress() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        System.err.println(ServeBanner.listening(gateway.baseUri(), api));
        ServeBanner.cacheWarning(api, environment).ifPresent(System.err::println);
        if (!bind.isLoopback()) {
            System.err.println("jwt-authorizer serve: warning: listening on " + bind.address().getHostAddress()
                    + ", not loopback: anyone who can reach it can call the API");
        }
        new CountDownLatch(1).await();
    }

    /** The APIs of a SAM template, with its parameters' defaults. */
    private static List<ApiSpec> templateApis(Path template) throws UsageException, IOException {
        if (!Files.isReadable(template)) {
            throw new UsageException("cannot read " + template);
        }
        return TemplateApis.read(template, Map.of());
    }

    static Map<String, String> environment(String envVars, String function) throws UsageException {
        return environment(System.getenv(), envVars == null ? Map.of() : EnvVarsFile.read(Path.of(envVars), function));
    }

    /**
     * The process environment overridden by the env-vars file, except where the file leaves a
     * variable blank: such files list every variable (sam local invoke needs them all), and a blank
     * one there means "not set here", so {@code JWT_API_KEYS_FILE=keys.json java -jar ... serve
     * --env-vars .dev-keys/env.json} uses the key list.
     */
    static Map<String, String> environment(Map<String, String> process, Map<String, String> file) {
        Map<String, String> environment = new HashMap<>(process);
        for (Map.Entry<String, String> variable : file.entrySet()) {
            String name = variable.getKey();
            String value = variable.getValue();
            if (!value.isBlank() || environment.getOrDefault(name, "").isBlank()) {
                environment.put(name, value);
            }
        }
        return Map.copyOf(environment);
    }

    private static void replay(LocalInvoker invoker, Command command, PrintStream out) throws IOException {
        boolean streaming = command.input().equals("-");
        try (InputStream input = command.openInput()) {
            EventLines lines = new EventLines(input);
            byte[] line;
            while ((line = lines.next()) != null) {
                if (line == EventLines.TOO_LONG) {
                    invoker.answerInvalid("invalid event: a line longer than " + (EventLines.MAX_LINE_BYTES >> 20)
                            + " MiB, more than Lambda takes", out, streaming);
                    continue;
                }
                if (EventLines.isBlank(line)) {
                    continue;
                }
                // A caller piping events in waits for each answer before sending the next.
                invoker.answerLine(line, out, streaming);
            }
        }
    }

    /** A parsed command line. */
    private record Command(String name, String input, Map<String, String> environment, boolean prime, String function) {
        static Command parse(String[] args) throws UsageException {
            if (args.length == 0 || !(args[0].equals("invoke") || args[0].equals("replay"))) {
                throw new UsageException(args.length == 0 ? USAGE
                        : "unknown command \"" + args[0] + "\"; the commands are invoke, replay, token, serve and api-key (--help for usage)");
            }
            String name = args[0];
            String input = null;
            String envVars = null;
            String function = null;
            boolean prime = false;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (i + 1 < args.length && (arg.equals("-e") || arg.equals("--event"))) {
                    input = args[++i];
                } else if (i + 1 < args.length && arg.equals("--env-vars")) {
                    envVars = args[++i];
                } else if (i + 1 < args.length && arg.equals("--function")) {
                    function = args[++i];
                } else if (arg.equals("--prime")) {
                    prime = true;
                } else if (name.equals("replay") && input == null && (arg.equals("-") || !arg.startsWith("-"))) {
                    input = arg;
                } else {
                    throw new UsageException("unexpected argument \"" + arg + "\" (--help for usage)");
                }
            }
            if (input == null) {
                throw new UsageException((name.equals("invoke") ? "invoke needs -e EVENT.json" : "replay needs a file") + " (--help for usage)");
            }
            if (!input.equals("-") && !Files.isReadable(Path.of(input))) {
                throw new UsageException("cannot read " + input);
            }
            return new Command(name, input, Main.environment(envVars, function), prime, function);
        }

        InputStream openInput() throws IOException {
            // FileInputStream, not Files.newInputStream: no channel classes to load at cold start.
            return input.equals("-") ? System.in : new FileInputStream(input);
        }

        byte[] readInput() throws IOException {
            try (InputStream in = openInput()) {
                return in.readAllBytes();
            }
        }
    }
}
