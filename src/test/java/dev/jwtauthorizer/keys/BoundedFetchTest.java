package dev.jwtauthorizer.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.jwtauthorizer.Authorizer;
import dev.jwtauthorizer.decision.KeysUnavailableException;
import dev.jwtauthorizer.lambda.AuthorizerFailureException;
import dev.jwtauthorizer.lambda.TokenAuthorizerHandler;
import dev.jwtauthorizer.support.Events;
import dev.jwtauthorizer.support.TestEnv;
import dev.jwtauthorizer.support.TestKeys;
import dev.jwtauthorizer.support.Tokens;
import dev.jwtauthorizer.support.TrickleServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every fetch ends by its overall deadline (twice the timeout) whatever the server does, and reads
 * well-formed HTTP/1.1 answers of every framing. The slow servers would trickle for minutes; the
 * two-second bounds below are hang guards, not speed targets.
 */
class BoundedFetchTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Duration HANG_GUARD = Duration.ofSeconds(2);
    private static final int MAX_BYTES = 1000;
    private static final String OK = "HTTP/1.1 200 OK\r\n";
    private static final String CHUNKED = OK + "Transfer-Encoding: chunked\r\n\r\n";

    private TrickleServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private byte[] fetch(String scheme) throws IOException {
        return HttpFetch.fetch(URI.create(server.url(scheme, "/keys?x=1")), TIMEOUT, MAX_BYTES,
                Map.of("Accept", "application/json"));
    }

    private String fetchText(String answer) throws IOException {
        server = TrickleServer.answering(answer);
        return new String(fetch("http"), StandardCharsets.UTF_8);
    }

    private String failure(String answer) throws IOException {
        server = TrickleServer.answering(answer);
        return assertThrows(IOException.class, () -> fetch("http")).getMessage();
    }

    /** The fetch fails with the deadline's reason, long before the server would have finished. */
    private void endsAtTheDeadline(String scheme) {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            IOException e = assertThrows(IOException.class, () -> fetch(scheme));
            assertEquals("no complete answer from 127.0.0.1/keys within 400 ms", e.getMessage());
        });
    }

    @Test
    void aStatusLineSentByteByByteEndsAtTheDeadline() throws Exception {
        server = TrickleServer.trickling("HTTP/1.1 200 ", "O");
        endsAtTheDeadline("http");
    }

    @Test
    void headersSentByteByByteEndAtTheDeadline() throws Exception {
        server = TrickleServer.trickling(OK + "Content-Length: 2\r\n", "X-Slow: 1\r\n");
        endsAtTheDeadline("http");
    }

    @Test
    void aChunkSizeLineSentByteByByteEndsAtTheDeadline() throws Exception {
        server = TrickleServer.trickling(CHUNKED + "5;", "a");
        endsAtTheDeadline("http");
    }

    @Test
    void manyTinyChunksEndAtTheDeadline() throws Exception {
        server = TrickleServer.trickling(CHUNKED, "1\r\nx\r\n");
        endsAtTheDeadline("http");
    }

    @Test
    void aBodySentByteByByteEndsAtTheDeadline() throws Exception {
        server = TrickleServer.trickling(OK + "Content-Length: 900\r\n\r\n", "{");
        endsAtTheDeadline("http");
    }

    @Test
    void aTlsHandshakeSentByteByByteEndsAtTheDeadline() throws Exception {
        // A handshake record header announcing 16 KiB, then its bytes one at a time.
        server = TrickleServer.tricklingRaw(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00}, new byte[] {0x02});
        endsAtTheDeadline("https");
    }

    @Test
    void aServerThatNeverAnswersEndsTheFetch() throws Exception {
        server = TrickleServer.silent();
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IOException.class, () -> fetch("http")));
    }

    @Test
    void theConnectionIsClosedWhenTheDeadlinePasses() throws Exception {
        server = TrickleServer.trickling(OK, "X-Slow: 1\r\n");
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IOException.class, () -> fetch("http")));
        assertTrue(server.awaitClientGone(HANG_GUARD.toMillis()), "the trickling connection was left open");
    }

    @Test
    void aKeySetWhoseServerTricklesIsUnavailableWithinTheDeadline() throws Exception {
        server = TrickleServer.trickling(OK + "Content-Type: application/json\r\n", "X-Slow: 1\r\n");
        Executor background = task -> { };
        KeySet keys = new KeySet(new HttpKeySource(URI.create(server.url("http", "/jwks.json")), TIMEOUT, 64 * 1024),
                new KeyLifetime(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ZERO), () -> 0L, background);
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            assertFalse(keys.prefetch());
            assertThrows(KeysUnavailableException.class, () -> keys.candidates(JwsAlgorithm.RS256, "rsa-1"));
        });
    }

    @Test
    void theHandlerAnswers500WithinTheDeadlineWhenTheKeyServerTrickles() throws Exception {
        server = TrickleServer.trickling("HTTP/1.1 200 ", "O");
        Map<String, String> env = TestEnv.withJwksUri(server.url("http", "/.well-known/jwks.json"));
        env.put("JWT_JWKS_TIMEOUT_MS", "100");
        String token = rs256Token();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            TokenAuthorizerHandler handler = new TokenAuthorizerHandler(Authorizer.fromEnvironment(env));
            Map<String, Object> event = Events.token("Bearer " + token, Tokens.METHOD_ARN);
            assertThrows(AuthorizerFailureException.class, () -> handler.handleRequest(event, null));
        });
    }

    private static String rs256Token() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject("alice")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("rsa-1").build(), claims);
        jwt.sign(new RSASSASigner(TestKeys.RSA.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void aContentLengthAnswerIsReadFromAPlainHttp11Request() throws Exception {
        assertEquals("{\"keys\":[]}", fetchText(OK + "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"keys\":[]}"));
        String request = server.requests().get(0);
        assertTrue(request.startsWith("GET /keys?x=1 HTTP/1.1\r\n"), request);
        assertTrue(request.contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n"), request);
        assertTrue(request.contains("\r\nConnection: close\r\n"), request);
        assertTrue(request.contains("\r\nAccept: application/json"), request);
        assertFalse(request.toLowerCase().contains("accept-encoding"), request);
    }

    @Test
    void aChunkedAnswerWithAnExtensionAndATrailerIsReadWhole() throws Exception {
        assertEquals("hello world", fetchText(CHUNKED + "5;name=\"value\"\r\nhello\r\n6 ; x\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"));
    }

    @Test
    void anAnswerWithoutALengthIsReadUntilTheConnectionCloses() throws Exception {
        assertEquals("hello", fetchText("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\nhello"));
    }

    @Test
    void anInterimAnswerIsSkipped() throws Exception {
        assertEquals("ok", fetchText("HTTP/1.1 100 Continue\r\n\r\n" + OK + "Content-Length: 2\r\n\r\nok"));
    }

    @Test
    void aStatusOtherThan200IsAnErrorThatNamesItButNotTheBody() throws Exception {
        String message = failure("HTTP/1.1 404 Not Found\r\nContent-Length: 13\r\n\r\nsecret-detail");
        assertEquals("HTTP status 404 from 127.0.0.1/keys", message);
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        String message = failure("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n");
        assertEquals("HTTP status 302 from 127.0.0.1/keys", message);
        assertEquals(1, server.requests().size());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
        assertEquals("answer larger than 1000 bytes", failure(OK + "Content-Length: 1001\r\n\r\n"));
    }

    @Test
    void anUndeclaredLengthOverTheLimitIsRefused() throws Exception {
        assertEquals("answer larger than 1000 bytes", failure(OK + "\r\n" + "a".repeat(1001)));
    }

    @Test
    void chunksOverTheLimitAreRefused() throws Exception {
        assertEquals("answer larger than 1000 bytes", failure(CHUNKED + "3e8\r\n" + "a".repeat(1000) + "\r\n1\r\na\r\n0\r\n\r\n"));
        server.close();
        assertEquals("answer larger than 1000 bytes", failure(CHUNKED + "fffffffffffffffffffff\r\n"));
    }

    @Test
    void ambiguousFramingIsRefused() throws Exception {
        assertTrue(failure(OK + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                .contains("both Content-Length and Transfer-Encoding"));
        server.close();
        assertTrue(failure(OK + "Transfer-Encoding: gzip, chunked\r\n\r\n").contains("other than chunked"));
        server.close();
        assertTrue(failure(OK + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!").startsWith("malformed Content-Length"));
        server.close();
        assertTrue(failure(OK + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}").contains("Content-Encoding"));
        server.close();
        assertTrue(failure(OK + "Content-Length: 2\r\n folded\r\n\r\n{}").startsWith("malformed header line"));
    }

    @Test
    void brokenAnswersAreRefused() throws Exception {
        assertTrue(failure(CHUNKED + "5\r\nhelloXX\r\n0\r\n\r\n").startsWith("malformed chunked framing"));
        server.close();
        assertTrue(failure(CHUNKED + "zz\r\n").startsWith("malformed chunked framing"));
        server.close();
        assertTrue(failure(OK + "Content-Length: 10\r\n\r\nhello").endsWith("ended early"));
        server.close();
        assertTrue(failure("HTTP/2 200\r\n\r\n").startsWith("malformed status line"));
        server.close();
        assertTrue(failure("").endsWith("ended early"));
    }

    @Test
    void aHeaderValueWithALineBreakIsNeverSent() throws Exception {
        server = TrickleServer.answering(OK + "Content-Length: 0\r\n\r\n");
        URI uri = URI.create(server.url("http", "/keys"));
        IOException e = assertThrows(IOException.class,
                () -> HttpFetch.fetch(uri, TIMEOUT, MAX_BYTES, Map.of("X-Token", "abc\r\nX-Injected: 1")));
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
        assertEquals(0, server.requests().size());
    }

    @Test
    void anHttpsFetchNeverTakesAPlainHttpAnswer() throws Exception {
        // A complete plain answer where a TLS handshake should be: it is no handshake, so nothing is read as the body.
        server = TrickleServer.tricklingRaw((OK + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII), null);
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(IOException.class, () -> fetch("https")));
    }

    @Test
    void theBodyReadAsBytesIsExact() throws Exception {
        server = TrickleServer.answering(OK + "Content-Length: 3\r\n\r\n\u00ff\u0000\u0080");
        assertArrayEquals(new byte[] {(byte) 0xff, 0, (byte) 0x80}, fetch("http"));
    }
}
