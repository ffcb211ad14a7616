package dev.jwtauthorizer.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads the answer to one request sent with {@code Connection: close}: status line, headers, and a 200
 * answer's body (or, when asked, an error answer's), framed by Content-Length, by the chunked transfer coding (extensions and trailers
 * skipped), or by the end of the connection. Every part has a size bound; time is bounded by
 * {@link HttpFetch}, which closes the connection at its deadline.
 *
 * <p>Strict wherever a lenient reading could take other bytes for the body (RFC 9112, 6.3): an answer
 * with both Content-Length and Transfer-Encoding, a transfer coding other than chunked, lengths that
 * disagree, folded header lines, a content coding, or chunk framing that does not add up is refused.
 * No message quotes what the server sent, beyond its status code.
 */
final class HttpResponseReader {
    /** Longest status line, header line or chunk-size line. */
    static final int MAX_LINE = 8 * 1024;
    /** Most bytes of status lines and headers in all, interim answers and trailers included. */
    static final int MAX_HEAD = 64 * 1024;

    private final InputStream in;
    private final int maxBytes;
    private final String where;
    private final boolean errorBodies;
    private int headBytesLeft = MAX_HEAD;

    private HttpResponseReader(InputStream in, int maxBytes, String where, boolean errorBodies) {
        this.in = in;
        this.errorBodies = errorBodies;
        this.maxBytes = maxBytes;
        this.where = where;
    }

    /**
     * @param in    buffered: the head is read a byte at a time
     * @param where       host and path, for messages
     * @param errorBodies whether a non-200 answer's body is read into its {@link HttpStatusException}
     */
    static byte[] body(InputStream in, int maxBytes, String where, boolean errorBodies) throws IOException {
        return new HttpResponseReader(in, maxBytes, where, errorBodies).read();
    }

    private byte[] read() throws IOException {
        int status = statusLine();
        // Interim answers (100 Continue, 103 Early Hints) precede the real one.
        while (status >= 100 && status < 200 && status != 101) {
            headers();
            status = statusLine();
        }
        if (status != 200 && !errorBodies) {
            throw new HttpStatusException(status, where, null);
        }
        if (status != 200) {
            byte[] errorBody;
            try {
                errorBody = body(headers());
            } catch (IOException e) {
                // The status is the news; an error body that cannot be read says nothing more.
                errorBody = null;
            }
            throw new HttpStatusException(status, where, errorBody);
        }
        return body(headers());
    }

    /** The body, framed as the headers say. */
    private byte[] body(Headers headers) throws IOException {
        if (headers.contentEncoded) {
            throw new IOException("the answer from " + where + " has a Content-Encoding; only plain answers are read");
        }
        if (headers.transferEncoding != null && headers.contentLength != null) {
            throw new IOException("the answer from " + where + " has both Content-Length and Transfer-Encoding");
        }
        if (headers.transferEncoding != null) {
            if (!headers.transferEncoding.trim().equalsIgnoreCase("chunked")) {
                throw new IOException("the answer from " + where + " has a Transfer-Encoding other than chunked");
            }
            return chunked();
        }
        if (headers.contentLength != null) {
            long length = contentLength(headers.contentLength);
            if (length > maxBytes) {
                throw tooLarge();
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
            copy(length, body);
            return body.toByteArray();
        }
        return BoundedRead.readAll(in, maxBytes);
    }

    /** The status code of an {@code HTTP/1.x} status line. */
    private int statusLine() throws IOException {
        String line = line(true);
        boolean wellFormed = line.length() >= 12 && line.startsWith("HTTP/1.") && isDigit(line.charAt(7))
                && line.charAt(8) == ' ' && isDigit(line.charAt(9)) && isDigit(line.charAt(10)) && isDigit(line.charAt(11))
                && (line.length() == 12 || line.charAt(12) == ' ');
        if (!wellFormed) {
            throw new IOException("malformed status line from " + where);
        }
        return Integer.parseInt(line.substring(9, 12));
    }

    /** What of the headers decides how the body is read; the rest are checked for form and skipped. */
    private static final class Headers {
        String contentLength;
        String transferEncoding;
        boolean contentEncoded;
    }

    /** Header lines up to the empty line: the headers of an answer, or the trailers of a chunked body. */
    private Headers headers() throws IOException {
        Headers headers = new Headers();
        for (String line = line(true); !line.isEmpty(); line = line(true)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).chars().allMatch(HttpResponseReader::isTokenChar)) {
                // This includes a line starting with a space: obsolete line folding.
                throw new IOException("malformed header line from " + where);
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "content-length" -> headers.contentLength =
                        headers.contentLength == null ? value : headers.contentLength + "," + value;
                case "transfer-encoding" -> headers.transferEncoding =
                        headers.transferEncoding == null ? value : headers.transferEncoding + "," + value;
                case "content-encoding" -> headers.contentEncoded |= !value.equalsIgnoreCase("identity");
                default -> {
                }
            }
        }
        return headers;
    }

    /** One length, possibly repeated (RFC 9110, 8.6 allows "5, 5"); differing ones are refused. */
    private long contentLength(String values) throws IOException {
        long length = -1;
        for (String value : values.split(",", -1)) {
            String digits = value.strip();
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(HttpResponseReader::isDigit)
                    || (length != -1 && length != Long.parseLong(digits))) {
                throw new IOException("malformed Content-Length from " + where);
            }
            length = Long.parseLong(digits);
        }
        return length;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (long size = chunkSize(line(false)); size > 0; size = chunkSize(line(false))) {
            if (size > maxBytes - body.size()) {
                throw tooLarge();
            }
            copy(size, body);
            if (!line(false).isEmpty()) {
                throw malformedChunks();
            }
        }
        headers();
        return body.toByteArray();
    }

    /** {@code 1*HEXDIG [ BWS ";" chunk-ext ]}; extensions are skipped. */
    private long chunkSize(String line) throws IOException {
        long size = 0;
        int i = 0;
        for (; i < line.length() && hexValue(line.charAt(i)) >= 0; i++) {
            size = size * 16 + hexValue(line.charAt(i));
            if (size > maxBytes) {
                throw tooLarge();
            }
        }
        int digits = i;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        if (digits == 0 || (i < line.length() && line.charAt(i) != ';')) {
            throw malformedChunks();
        }
        return size;
    }

    private void copy(long length, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, length)];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n == -1) {
                throw endedEarly();
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    /**
     * One line without its line end: CRLF, or a bare LF as RFC 9112 (2.2) lets a recipient accept.
     * A CR anywhere else is refused.
     *
     * @param head whether the line counts against {@link #MAX_HEAD}
     */
    private String line(boolean head) throws IOException {
        StringBuilder line = new StringBuilder(64);
        boolean cr = false;
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw endedEarly();
            }
            if (cr) {
                throw new IOException("malformed line end in the answer from " + where);
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("a line of the answer from " + where + " is longer than " + MAX_LINE + " bytes");
            }
            if (head && --headBytesLeft < 0) {
                throw new IOException("the headers of the answer from " + where + " are longer than " + MAX_HEAD + " bytes");
            }
            cr = c == '\r';
            if (!cr) {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private IOException tooLarge() {
        return new IOException("answer larger than " + maxBytes + " bytes");
    }

    private IOException malformedChunks() {
        return new IOException("malformed chunked framing from " + where);
    }

    private IOException endedEarly() {
        return new IOException("the answer from " + where + " ended early");
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** RFC 9110's tchar: what a header name is made of. */
    static boolean isTokenChar(int c) {
        return c > ' ' && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
