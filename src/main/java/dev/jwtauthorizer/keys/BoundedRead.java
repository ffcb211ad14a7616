package dev.jwtauthorizer.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream whole, but no more than a size limit and no later than a deadline. */
final class BoundedRead {
    private BoundedRead() {
    }

    /**
     * @param deadlineNanos a {@link System#nanoTime()} value after which reading stops: a per-read
     *                      timeout alone lets a server trickle one byte at a time for ever
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
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new IOException("answer not received in time");
            }
        }
        return out.toByteArray();
    }
}
