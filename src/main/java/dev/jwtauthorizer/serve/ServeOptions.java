package dev.jwtauthorizer.serve;

import java.net.URI;
import java.util.List;

/**
 * The {@code serve} command line.
 *
 * @param host     the --host given, or null for loopback
 * @param ttl      the --ttl given (overriding every authorizer's), or null
 * @param upstream the --upstream given, or null for the echo backend
 */
public record ServeOptions(int port, String envVars, String function, String template, String api, Integer ttl,
                           URI upstream, String host) {
    public static final String USAGE = "usage: java -jar jwt-authorizer.jar serve [--port 3000] [--env-vars ENV.json] "
            + "[--function NAME] [--template template.yaml [--api NAME]] [--ttl SECONDS] [--upstream URL] [--host ADDRESS]";
    public static final int DEFAULT_PORT = 3000;
    /** API Gateway's maximum authorizer TTL. */
    private static final int MAX_TTL_SECONDS = 3600;

    /** @throws IllegalArgumentException saying what is wrong with the arguments (after "serve") */
    public static ServeOptions parse(List<String> args) {
        int port = DEFAULT_PORT;
        String envVars = null;
        String function = null;
        String template = null;
        String api = null;
        Integer ttl = null;
        URI upstream = null;
        String host = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size() || !option.startsWith("--")) {
                throw new IllegalArgumentException(option.startsWith("--") ? "option " + option + " needs a value"
                        : "unexpected argument \"" + option + "\"");
            }
            String value = args.get(++i);
            switch (option) {
                case "--port" -> port = number(option, value, 0, 65535);
                case "--env-vars" -> envVars = value;
                case "--function" -> function = value;
                case "--template" -> template = value;
                case "--api" -> api = value;
                case "--ttl" -> ttl = number(option, value, 0, MAX_TTL_SECONDS);
                case "--upstream" -> upstream = upstream(value);
                case "--host" -> host = value;
                default -> throw new IllegalArgumentException("unexpected argument \"" + option + "\"");
            }
        }
        if (api != null && template == null) {
            throw new IllegalArgumentException("--api picks one of a template's APIs; give --template too");
        }
        return new ServeOptions(port, envVars, function, template, api, ttl, upstream, host);
    }

    /** Loopback, unless --host named another address. */
    public BindAddress bindAddress() {
        return host == null ? BindAddress.loopback() : BindAddress.of(host, true);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max);
    }

    private static URI upstream(String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException("--upstream must be an http:// or https:// URL without query, like http://127.0.0.1:8080");
    }
}
