package dev.jwtauthorizer.cli;

/** A command line the tool cannot run: printed as one line, exit code 2. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
