package dev.jwtauthorizer.log;

import dev.jwtauthorizer.config.ConfigException;
import java.util.Locale;

/** The levels of Lambda's application log filter, in increasing severity. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** Whether a line of the given level is written when this is the configured level. */
    public boolean admits(LogLevel line) {
        return line.ordinal() >= ordinal();
    }

    /**
     * A level as Powertools and Lambda's LoggingConfig spell it, in any case. Lambda's TRACE and FATAL
     * have no lines of their own here: TRACE shows everything DEBUG does, FATAL what ERROR does.
     *
     * @throws ConfigException naming the variable, for anything else: a misspelt level would
     *                         otherwise hide rejections or flood the log without anyone noticing
     */
    static LogLevel parse(String variable, String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "TRACE", "DEBUG" -> DEBUG;
            case "INFO" -> INFO;
            case "WARN" -> WARN;
            case "ERROR", "FATAL" -> ERROR;
            default -> throw new ConfigException(variable,
                    "\"" + value + "\" is not a log level; use DEBUG, INFO, WARN or ERROR (TRACE and FATAL are accepted)");
        };
    }
}
