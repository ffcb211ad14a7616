package dev.jwtauthorizer.log;

import dev.jwtauthorizer.config.ConfigException;
import java.util.Map;

/**
 * What every line and metric is labelled with, and which lines are written. Read once, at start,
 * from Powertools' own variable names, so that habits and dashboards built for Powertools carry
 * over; they are not JWT_* settings.
 *
 * @param service   the {@code service} key of every line and the {@code service} dimension
 * @param namespace the CloudWatch namespace of the metrics
 * @param level     the least severe level written
 */
public record LogSettings(String service, String namespace, LogLevel level) {
    public static final String SERVICE_VARIABLE = "POWERTOOLS_SERVICE_NAME";
    public static final String NAMESPACE_VARIABLE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final String LEVEL_VARIABLE = "POWERTOOLS_LOG_LEVEL";
    /** Set by Lambda from the function's LoggingConfig ApplicationLogLevel. */
    public static final String LAMBDA_LEVEL_VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

    public static final LogSettings DEFAULTS = new LogSettings("jwt-authorizer", "JwtAuthorizer", LogLevel.INFO);

    /** @throws ConfigException naming the variable whose value cannot be used */
    public static LogSettings fromEnvironment(Map<String, String> environment) {
        String service = valueOf(environment, SERVICE_VARIABLE, DEFAULTS.service());
        String namespace = valueOf(environment, NAMESPACE_VARIABLE, DEFAULTS.namespace());
        checkService(service);
        checkNamespace(namespace);
        LogLevel level = DEFAULTS.level();
        if (!valueOf(environment, LEVEL_VARIABLE, "").isEmpty()) {
            level = LogLevel.parse(LEVEL_VARIABLE, environment.get(LEVEL_VARIABLE));
        } else if (!valueOf(environment, LAMBDA_LEVEL_VARIABLE, "").isEmpty()) {
            level = LogLevel.parse(LAMBDA_LEVEL_VARIABLE, environment.get(LAMBDA_LEVEL_VARIABLE));
        }
        return new LogSettings(service, namespace, level);
    }

    private static String valueOf(Map<String, String> environment, String variable, String fallback) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** A dimension value CloudWatch accepts: printable ASCII, at most 1024 characters. */
    private static void checkService(String service) {
        boolean printable = service.length() <= 1024;
        for (int i = 0; printable && i < service.length(); i++) {
            printable = service.charAt(i) >= 0x20 && service.charAt(i) < 0x7f;
        }
        if (!printable) {
            throw new ConfigException(SERVICE_VARIABLE, "must be printable ASCII of at most 1024 characters: it is a metric dimension");
        }
    }

    /**
     * A namespace CloudWatch accepts (letters, digits and {@code . - _ / # : space}, at most 255,
     * not under {@code AWS/}): CloudWatch drops metrics with a wrong one without a word, so the
     * start refuses it instead.
     */
    private static void checkNamespace(String namespace) {
        // Loops, not streams and lambdas: this runs before the first answer of a cold start.
        boolean valid = namespace.length() <= 255 && !namespace.startsWith("AWS/");
        for (int i = 0; valid && i < namespace.length(); i++) {
            char c = namespace.charAt(i);
            valid = c < 0x80 && (Character.isLetterOrDigit(c) || ".-_/#: ".indexOf(c) >= 0);
        }
        if (!valid) {
            throw new ConfigException(NAMESPACE_VARIABLE,
                    "must be at most 255 letters, digits and . - _ / # : or spaces, and not start with AWS/");
        }
    }
}
