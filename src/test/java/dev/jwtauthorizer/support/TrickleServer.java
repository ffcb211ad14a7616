package dev.jwtauthorizer.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server on 127.0.0.1 that answers every connection with bytes written by the test, as a
 * misbehaving key server would: all at once, or one byte every 50 ms for as long as the client stays,
 * or never. It records each HTTP request head it reads and notices when a client hangs up.
 */
public final class TrickleServer implements AutoCloseable {
    private static final long BYTE_INTERVAL_MILLIS = 50;

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "trickle-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final boolean http;
    private final byte[] quick;
    private final byte[] slow;

    private TrickleServer(boolean http, byte[] quick, byte[] slow) throws IOException {
        this.http = http;
        this.quick = quick;
        this.slow = slow;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptAll);
    }

    /** Reads the request, sends the whole answer at once and closes the connection. */
    public static TrickleServer answering(String answer) throws IOException {
        return new TrickleServer(true, answer.getBytes(StandardCharsets.ISO_8859_1), null);
    }

    /** Reads the request, sends {@code quick} at once, then {@code slow} over and over, one byte every 50 ms. */
    public static TrickleServer trickling(String quick, String slow) throws IOException {
        return new TrickleServer(true, quick.getBytes(StandardCharsets.ISO_8859_1), slow.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads nothing (a TLS client hello is not HTTP): sends {@code quick}, then {@code slow} trickled like {@link #trickling}. */
    public static TrickleServer tricklingRaw(byte[] quick, byte[] slow) throws IOException {
        return new TrickleServer(false, quick, slow);
    }

    /** Reads the request and never answers. */
    public static TrickleServer silent() throws IOException {
        return new TrickleServer(true, new byte[0], new byte[0]);
    }

    public String url(String scheme, String pathAndQuery) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + pathAndQuery;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The head of every HTTP request read so far (request line and headers, CRLF-separated). */
    public List<String> requests() {
        return requests;
    }

    /** Whether a client hung up on a trickled or never-sent answer within the wait. */
    public boolean awaitClientGone(long millis) throws InterruptedException {
        return clientGone.await(millis, TimeUnit.MILLISECONDS);
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                threads.execute(() -> answer(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            if (http) {
                requests.add(readHead(in));
            }
            out.write(quick);
            out.flush();
            if (slow == null) {
                return;
            }
            if (slow.length == 0) {
                while (in.read() != -1) {
                    // Wait for the client to give up.
                }
                clientGone.countDown();
                return;
            }
            for (int i = 0; ; i = (i + 1) % slow.length) {
                Thread.sleep(BYTE_INTERVAL_MILLIS);
                out.write(slow[i]);
                out.flush();
            }
        } catch (IOException e) {
            // A failed write: the client hung up.
            clientGone.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            head.append((char) c);
            if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                break;
            }
        }
        return head.toString().strip();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
        threads.shutdownNow();
    }
}
