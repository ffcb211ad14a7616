package dev.jwtauthorizer.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream whole, but no more than a size limit. */
final class BoundedRead {
    private BoundedRead() {
    }

    /** The stream's bytes to its end; more than {@code maxBytes} is an IOException, read no further. */
    static byte[] readAll(InputStream in, int maxBytes) throws IOException {
        return readAll(in, maxBytes, Long.MAX_VALUE);
    }

    /**
     * @param deadlineNanos a {@link System#nanoTime()} value checked between reads, {@link Long#MAX_VALUE}
     *                      for none. It cannot end a read that blocks: a stream from the network is
     *                      bounded in time by closing it (see {@link HttpGet}).
     */
    static byte[] readAll(InputStream in, int maxBytes, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            if (out.size() > maxBytes) {
                throw new IOException("answer larger than " + maxBytes + " bytes");
            }
            // Compared only when set: nanoTime() may be negative, and then nanoTime() - MAX_VALUE overflows.
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
                throw new IOException("answer not received in time");
            }
        }
        return out.toByteArray();
    }
}
