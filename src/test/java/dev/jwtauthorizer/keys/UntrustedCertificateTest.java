package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key sets come over https only from a server whose certificate a trusted authority signed: a
 * self-signed certificate, even one naming the right host, is refused before any key is read.
 */
class UntrustedCertificateTest {
    private static final String BODY = "{\"keys\":[]}";

    @Test
    void aServerWithASelfSignedCertificateIsRefusedAndSentNoRequest(@TempDir Path dir) throws Exception {
        SSLContext context = serverContext(dir);
        AtomicInteger requestsRead = new AtomicInteger();
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerOnce(server, requestsRead));
            answering.setDaemon(true);
            answering.start();

            IOException refused = assertThrows(IOException.class, () -> HttpFetch.fetch(
                    URI.create("https://127.0.0.1:" + server.getLocalPort() + "/jwks.json"), Duration.ofSeconds(2), 1024, Map.of()));

            assertInstanceOf(SSLException.class, refused, refused.toString());
            assertFalse(refused.getMessage().contains(BODY));
            answering.join(5_000);
            assertEquals(0, requestsRead.get(), "the request must not be sent over an untrusted connection");
        }
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by itself: keytool, as a user would make one. */
    private static SSLContext serverContext(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertEquals(0, keytool.waitFor());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static void answerOnce(SSLServerSocket server, AtomicInteger requestsRead) {
        try (Socket socket = server.accept()) {
            ((SSLSocket) socket).startHandshake();
            if (socket.getInputStream().read() != -1) {
                requestsRead.incrementAndGet();
            }
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The client refusing the certificate ends the handshake here: what the test expects.
        }
    }
}
