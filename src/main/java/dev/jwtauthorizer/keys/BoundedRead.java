package dev.jwtauthorizer.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream whole, but no more than a size limit. Time is not its business: a stream from the
 * network is bounded in time by closing it at the deadline (see {@link HttpFetch}).
 */
final class BoundedRead {
    private BoundedRead() {
    }

    /** The stream's bytes to its end; more than {@code maxBytes} is an IOException, read no further. */
    static byte[] readAll(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("answer larger than " + maxBytes + " bytes");
            }
        }
        return out.toByteArray();
    }
}
