package dev.jwtauthorizer.support;

/** Byte arrays for tests that build encodings by hand. */
public final class Bytes {
    private Bytes() {
    }

    /** The arrays one after another, in one new array. */
    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
