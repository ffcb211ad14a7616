package dev.jwtauthorizer.keys;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** A key set read from a local file ({@code file:} URIs), for local use and tests. */
public final class FileKeySource implements KeySource {
    private final Path path;
    private final int maxBytes;

    public FileKeySource(Path path, int maxBytes) {
        this.path = path;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] fetch() throws IOException {
        // Not Files.newInputStream: its channel classes (about 20) load at cold start; this
        // stream's classes are loaded at boot.
        try (InputStream in = new FileInputStream(path.toFile())) {
            return BoundedRead.readAll(in, maxBytes);
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }
}
