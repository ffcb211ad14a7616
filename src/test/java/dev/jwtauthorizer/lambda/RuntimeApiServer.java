package dev.jwtauthorizer.lambda;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) as the Lambda service serves it to a function's
 * runtime, on 127.0.0.1: each submitted event is handed out on {@code GET .../invocation/next}, and
 * what the runtime posts back ({@code .../invocation/{id}/response}, {@code .../error},
 * {@code .../init/error}) is collected for the test.
 *
 * <p>Plain HTTP/1.1 on a socket rather than the JDK's com.sun.net.httpserver: the runtime client's
 * native part (aws-lambda-cpp) finds {@code Lambda-Runtime-Aws-Request-Id} and the other headers by
 * their exact spelling, and the JDK server rewrites header names. Both of the client's HTTP stacks
 * (libcurl for next and response, HttpURLConnection for errors) keep connections alive, so each
 * connection serves requests until the client closes it.
 */
final class RuntimeApiServer implements AutoCloseable {
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:JwtAuthorizerFunction";
    /** The template's Timeout; the runtime client only reports it to the handler's Context. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(15);
    private static final String BASE = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION_POST = Pattern.compile(Pattern.quote(BASE) + "invocation/([^/]+)/(response|error)");

    /** What the runtime posted: to {@code response}, {@code error} or {@code init/error}. */
    record Posted(String kind, String requestId, String body, String errorType) {
        boolean isResponse() {
            return kind.equals("response");
        }
    }

    private record Invocation(String requestId, String event) {
    }

    private final ServerSocket server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    RuntimeApiServer() throws IOException {
        server = new ServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "runtime-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The value for AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Queues an event for the runtime's next GET; returns its request id. */
    String submit(String event) {
        String requestId = UUID.randomUUID().toString();
        pending.add(new Invocation(requestId, event));
        return requestId;
    }

    /** The runtime's next post, or null when none arrives within the wait. */
    Posted nextPost(Duration wait) throws InterruptedException {
        return posted.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                Thread serving = new Thread(() -> serve(connection), "runtime-api-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            String requestLine;
            while ((requestLine = readLine(in)) != null) {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String line = requireLine(in); !line.isEmpty(); line = requireLine(in)) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
                if (headers.containsKey("Transfer-Encoding")) {
                    throw new IOException("chunked request bodies are not served here: " + requestLine);
                }
                byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
                String[] parts = requestLine.split(" ");
                answer(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8), out);
            }
        } catch (IOException | InterruptedException e) {
            // The runtime went away or the server closed: nothing is waiting on this connection.
        } finally {
            connections.remove(connection);
        }
    }

    private void answer(String method, String path, Map<String, String> headers, String body, OutputStream out)
            throws IOException, InterruptedException {
        Matcher post = INVOCATION_POST.matcher(path);
        if (method.equals("GET") && path.equals(BASE + "invocation/next")) {
            Invocation next = awaitInvocation();
            Map<String, String> lambdaHeaders = new LinkedHashMap<>();
            lambdaHeaders.put("Lambda-Runtime-Aws-Request-Id", next.requestId());
            lambdaHeaders.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + FUNCTION_TIMEOUT.toMillis()));
            lambdaHeaders.put("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
            lambdaHeaders.put("Lambda-Runtime-Trace-Id", traceId());
            write(out, "200 OK", lambdaHeaders, next.event());
        } else if (method.equals("POST") && post.matches()) {
            posted.add(new Posted(post.group(2), post.group(1), body, headers.get("Lambda-Runtime-Function-Error-Type")));
            write(out, "202 Accepted", Map.of(), "{\"status\":\"OK\"}");
        } else if (method.equals("POST") && path.equals(BASE + "init/error")) {
            posted.add(new Posted("init/error", null, body, headers.get("Lambda-Runtime-Function-Error-Type")));
            write(out, "202 Accepted", Map.of(), "{\"status\":\"OK\"}");
        } else {
            write(out, "404 Not Found", Map.of(), "{\"errorMessage\":\"not served here: " + method + " " + path + "\"}");
        }
    }

    /** Blocks as the real API does until there is an event, but gives up once the server closes. */
    private Invocation awaitInvocation() throws InterruptedException, EOFException {
        while (!closed) {
            Invocation next = pending.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
        }
        throw new EOFException("closed");
    }

    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%012x%012x;Parent=%016x;Sampled=0", System.currentTimeMillis() / 1000,
                random.nextLong(1L << 48), random.nextLong(1L << 48), random.nextLong(Long.MAX_VALUE));
    }

    private static void write(OutputStream out, String status, Map<String, String> headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(content.length).append("\r\n\r\n");
        // One write: a response split in two small segments waits out the client's delayed ACK.
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        response.write(content);
        out.write(response.toByteArray());
        out.flush();
    }

    /** One CRLF-terminated line, or null when the client closed the connection between requests. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                if (line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String requireLine(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            throw new EOFException("connection closed inside a request's headers");
        }
        return line;
    }
}
